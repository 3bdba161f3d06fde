package dev.shortstack.jobs.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.emulators.EmulatedAws;
import dev.shortstack.emulators.EmulatorsExtension;
import dev.shortstack.jobs.testing.JobsHarness;
import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.InvalidSlugPolicy;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobMessage;
import dev.shortstack.links.jobs.JobQueue;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.links.LinkStore;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.Link;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workers dying mid-chunk (before and after a link is written), a chunk dying after it was
 * counted but before it was acknowledged, and every chunk delivered twice: the import still
 * ends with exact counts and exactly one link per good row.
 */
@ExtendWith(EmulatorsExtension.class)
class ImportFaultInjectionIntegrationTest {
    private static final int ROWS = 5_000;
    private static final Set<Integer> BAD_ROWS = Set.of(17, 1_234, 2_500, 3_999, 4_998);

    @Test
    void crashesAndRedeliveriesStillGiveExactCountsAndNoDuplicateLinks(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of(EnvNames.IMPORT_CHUNK_ROWS, "500"));
        // Each fault strikes once, on the first attempt at its row or chunk; the redelivery then succeeds.
        Set<String> struck = ConcurrentHashMap.newKeySet();
        AtomicInteger diedBeforeWrite = new AtomicInteger();
        AtomicInteger diedAfterWrite = new AtomicInteger();
        AtomicInteger diedAfterCount = new AtomicInteger();
        AtomicInteger duplicated = new AtomicInteger();
        harness.wrap(
                links -> intercept(LinkStore.class, links, "create", (call) -> {
                    Link link = (Link) call.args()[0];
                    int row = Integer.parseInt(link.url().substring(link.url().lastIndexOf('/') + 1));
                    if (row % 611 == 5 && struck.add("before " + row)) {
                        diedBeforeWrite.incrementAndGet();
                        throw new IllegalStateException("injected: worker died before writing row " + row);
                    }
                    Object result = call.proceed();
                    if (row % 733 == 9 && struck.add("after " + row)) {
                        diedAfterWrite.incrementAndGet();
                        throw new IllegalStateException("injected: worker died after writing row " + row);
                    }
                    return result;
                }),
                jobs -> intercept(JobStore.class, jobs, "completeChunk", (call) -> {
                    Object result = call.proceed();
                    int chunk = (Integer) call.args()[1];
                    if (chunk % 3 == 0 && struck.add("counted " + chunk)) {
                        diedAfterCount.incrementAndGet();
                        throw new IllegalStateException("injected: worker died after counting chunk " + chunk);
                    }
                    return result;
                }),
                queue -> messages -> {
                    List<JobMessage> twice = new ArrayList<>(messages);
                    twice.addAll(messages);
                    duplicated.addAndGet(messages.size());
                    queue.send(twice);
                });

        StringBuilder file = new StringBuilder("url,slug\n");
        for (int i = 0; i < ROWS; i++) {
            String url = BAD_ROWS.contains(i) ? "ftp://example.com/" + i : "https://example.com/fault/" + i;
            file.append(url).append(',').append(i % 2 == 0 ? "f" + i + "x" : "").append('\n');
        }
        Job job = harness.importFile(ImportFormat.SHORTSTACK_CSV, file.toString().getBytes(StandardCharsets.UTF_8), List.of());

        assertThat(diedBeforeWrite.get()).as("deaths before a write").isEqualTo(9);
        assertThat(diedAfterWrite.get()).as("deaths after a write").isEqualTo(7);
        assertThat(diedAfterCount.get()).as("deaths after counting a chunk").isEqualTo(4);
        assertThat(duplicated.get()).as("chunks sent twice").isEqualTo(10);
        assertThat(job.status()).isEqualTo(JobStatus.PARTIALLY_SUCCEEDED);
        assertThat(job.chunksTotal()).isEqualTo(10);
        assertThat(job.chunksDone()).isEqualTo(10);
        assertThat(job.rowsSucceeded()).isEqualTo(ROWS - BAD_ROWS.size());
        assertThat(job.rowsFailed()).isEqualTo(BAD_ROWS.size());

        List<Link> links = harness.links();
        Map<String, Long> linksPerUrl = links.stream().collect(Collectors.groupingBy(Link::url, Collectors.counting()));
        assertThat(links).hasSize(ROWS - BAD_ROWS.size());
        assertThat(linksPerUrl.values()).allMatch(count -> count == 1);
        List<List<String>> report = ImportOutcomesIntegrationTest.parseCsv(harness.file(job.errorKey()));
        assertThat(report.subList(1, report.size())).extracting(row -> row.get(0))
                .containsExactlyElementsOf(BAD_ROWS.stream().sorted().map(i -> Long.toString(i + 2L)).toList());
    }

    @Test
    void aChunkThatFailsOnEveryAttemptFailsItsJobWithTheReasonInsteadOfLeavingItRunning(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of(EnvNames.IMPORT_CHUNK_ROWS, "2"));
        harness.wrap(links -> intercept(LinkStore.class, links, "create", (call) -> {
            if (((Link) call.args()[0]).url().endsWith("/poisoned")) {
                throw new IllegalStateException("table unavailable");
            }
            return call.proceed();
        }), jobs -> jobs, queue -> queue);

        Job job = harness.importFile(ImportFormat.SHORTSTACK_CSV,
                "url\nhttps://a.test/1\nhttps://a.test/2\nhttps://a.test/poisoned\n".getBytes(StandardCharsets.UTF_8), List.of());

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("The chunk starting at line 4 failed 5 times (last error: table unavailable)."
                + " Rows already imported stay; import the file again to add the rest.");
        assertThat(job.rowsSucceeded()).isEqualTo(2);
        assertThat(harness.aws().sqs().receiveMessage(r -> r.queueUrl(harness.deadLetterQueueUrl()).waitTimeSeconds(1))
                .messages()).hasSize(1);
    }

    /** A call that may go on to the real object. */
    record Call(Object target, java.lang.reflect.Method method, Object[] args) {
        Object proceed() {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aRowRenamedByADeliveryThatDiedKeepsItsNewSlugWhenItsOwnIsFreedBeforeTheRedelivery(EmulatedAws aws) {
        JobsHarness harness = new JobsHarness(aws, Map.of());
        harness.importFile(ImportFormat.SHORTSTACK_CSV, "url,slug\nhttps://a.test/theirs,taken-here\n".getBytes(StandardCharsets.UTF_8),
                List.of());
        Set<String> struck = ConcurrentHashMap.newKeySet();
        harness.wrap(
                links -> intercept(LinkStore.class, links, "create", (call) -> {
                    Object result = call.proceed();
                    Link link = (Link) call.args()[0];
                    boolean renamed = link.url().equals("https://a.test/mine") && !link.slug().equals("taken-here")
                            && Boolean.TRUE.equals(result);
                    if (renamed && struck.add("renamed")) {
                        // Meanwhile the link that held the slug is deleted, and this delivery dies before counting.
                        Link owner = links.find("taken-here").orElseThrow();
                        links.delete(owner, owner.version());
                        throw new IllegalStateException("injected: worker died after renaming the row");
                    }
                    return result;
                }),
                jobs -> jobs,
                queue -> queue);

        Job job = harness.importFile(ImportFormat.SHORTSTACK_CSV,
                "url,slug\nhttps://a.test/mine,taken-here\n".getBytes(StandardCharsets.UTF_8), List.of(), InvalidSlugPolicy.RANDOM);

        assertThat(struck).containsExactly("renamed");
        List<Link> mine = harness.links().stream().filter(l -> l.url().equals("https://a.test/mine")).toList();
        assertThat(mine).as("one link for the row, under the slug it was first given").hasSize(1);
        assertThat(mine.get(0).slug()).isNotEqualTo("taken-here");
        assertThat(List.of(job.rowsSucceeded(), job.rowsRenamed(), job.rowsFailed())).containsExactly(1L, 1L, 0L);
    }

    /** The real object, with one method's calls passed through {@code around}. */
    @SuppressWarnings("unchecked")
    static <T> T intercept(Class<T> type, T real, String methodName, Function<Call, Object> around) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Call call = new Call(real, method, args);
            return method.getName().equals(methodName) ? around.apply(call) : call.proceed();
        });
    }
}
