package dev.shortstack.local;

/**
 * {@code java -jar local/runner/target/shortstack-local.jar}: runs Shortstack until Ctrl-C;
 * {@code … admin COMMAND}: manages workspaces and API keys ({@link AdminCommand}).
 */
public final class LocalMain {
    private LocalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("admin")) {
            AdminOptions admin;
            try {
                admin = AdminOptions.parse(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv());
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                return;
            }
            System.exit(AdminCommand.run(admin, System.out, System.err));
            return;
        }
        LocalOptions options;
        try {
            options = LocalOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalRunner runner = LocalRunner.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            System.out.println("Shortstack stopped.");
        }, "shutdown"));
        String base = runner.baseUrl();
        System.out.printf("""

                Shortstack local — data: %s
                Admin API key (workspace '%s'): %s
                Dashboard: %s/app/ (sign in with the key)

                  curl -s -X POST %s/v1/links -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' -d '{"url":"https://example.com"}'
                  curl -i %s/<slug from the answer>

                Shortstack is ready on %s
                %n""",
                options.dataDir().map(Object::toString).orElse("in memory"),
                LocalRunner.WORKSPACE, runner.adminKey(), base, base, runner.adminKey(), base, base);
        System.out.flush();
        Thread.currentThread().join();
    }
}
