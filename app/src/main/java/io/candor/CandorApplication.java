package io.candor;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The Candor modular monolith. Each top-level package below this one is a business module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Candor", sharedModules = "platform")
public class CandorApplication {

    /** Starts the server from {@code bin/candor serve} options. */
    static void serve(String[] options) {
        SpringApplication.run(CandorApplication.class, ServeOptions.parse(options).toSpringArguments());
    }

    public static void main(String[] args) {
        SpringApplication.run(CandorApplication.class, args);
    }

    /** The options of {@code candor serve}, turned into Spring properties. */
    record ServeOptions(boolean demo, Integer port, String dataDir, boolean jsonLogs, List<String> passThrough) {

        static ServeOptions parse(String[] args) {
            boolean demo = false;
            boolean json = false;
            Integer port = null;
            String dataDir = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--demo" -> demo = true;
                    case "--json-logs" -> json = true;
                    case "--port" -> port = parsePort(value(args, ++i, a));
                    case "--data-dir" -> dataDir = value(args, ++i, a);
                    default -> {
                        if (a.startsWith("--port=")) {
                            port = parsePort(a.substring(7));
                        } else if (a.startsWith("--data-dir=")) {
                            dataDir = a.substring(11);
                        } else if (a.startsWith("--") && a.contains("=")) {
                            rest.add(a);
                        } else {
                            throw usage("unknown option '" + a + "'");
                        }
                    }
                }
            }
            return new ServeOptions(demo, port, dataDir, json, rest);
        }

        String[] toSpringArguments() {
            List<String> out = new ArrayList<>(passThrough);
            if (demo) {
                out.add("--candor.demo.enabled=true");
            }
            out.add("--candor.cli.remember-server=true");
            if (port != null) {
                out.add("--server.port=" + port);
            }
            if (dataDir != null) {
                out.add("--candor.data-dir=" + dataDir);
            }
            if (jsonLogs) {
                out.add("--logging.structured.format.console=ecs");
            }
            return out.toArray(String[]::new);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw usage(option + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String s) {
            try {
                int p = Integer.parseInt(s);
                if (p < 1 || p > 65535) {
                    throw usage("--port must be between 1 and 65535, got " + s);
                }
                return p;
            } catch (NumberFormatException e) {
                throw usage("--port must be a number, got '" + s + "'");
            }
        }

        private static IllegalArgumentException usage(String message) {
            System.err.println("candor serve: " + message
                    + "\nusage: candor serve [--demo] [--port N] [--data-dir DIR] [--json-logs]");
            System.exit(2);
            return new IllegalArgumentException(message);
        }
    }
}
