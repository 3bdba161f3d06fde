package dev.shortstack.infra.config;

import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.services.logs.RetentionDays;

/** CloudWatch Logs accepts only certain retention periods; these are the ones a stage may choose. */
public final class LogRetention {
    private static final Map<Integer, RetentionDays> BY_DAYS = Map.of(
            1, RetentionDays.ONE_DAY, 3, RetentionDays.THREE_DAYS, 7, RetentionDays.ONE_WEEK,
            14, RetentionDays.TWO_WEEKS, 30, RetentionDays.ONE_MONTH, 60, RetentionDays.TWO_MONTHS,
            90, RetentionDays.THREE_MONTHS, 180, RetentionDays.SIX_MONTHS, 365, RetentionDays.ONE_YEAR,
            731, RetentionDays.TWO_YEARS);
    public static final Set<Integer> SUPPORTED_DAYS = BY_DAYS.keySet();

    private LogRetention() {
    }

    public static RetentionDays of(int days) {
        RetentionDays retention = BY_DAYS.get(days);
        if (retention == null) {
            throw new IllegalArgumentException("Unsupported log retention " + days + "; use one of " + SUPPORTED_DAYS);
        }
        return retention;
    }
}
