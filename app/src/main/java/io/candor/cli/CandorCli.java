package io.candor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.candor.compliance.ComplianceEvaluator;
import io.candor.compliance.RulePacks;
import io.candor.compliance.ScenarioJson;
import io.candor.strategy.StrategyCheck;
import io.candor.strategy.StrategyFile;
import io.candor.strategy.StrategyProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/candor} subcommands other than {@code serve}. Each prints JSON on stdout and errors on stderr;
 * the exit code is 0 on success, 1 when the server refused, 2 on a usage error.
 */
public final class CandorCli {

    static final String HELP = """
            Candor — compliance-first collections platform

            usage: candor <command> [options]

            commands:
              serve [--demo] [--port N] [--data-dir DIR] [--json-logs]
                                       run the platform (embedded PostgreSQL unless CANDOR_DB_URL is set)
              login                    print an API token (use it as CANDOR_TOKEN)
              me                       show the signed-in user
              tenant create --slug S --name N --kind LENDER|AGENCY --currency CNY --zone Asia/Shanghai
                     [--locale zh-CN] --admin USERNAME [--admin-name NAME] [--admin-email E]
                                       create an organisation and its administrator (OPERATOR; the administrator's
                                       password comes from CANDOR_ADMIN_PASSWORD)
              tenant list              every organisation with its state and limits (OPERATOR)
              tenant show ID           one organisation with its users, accounts and last activity (OPERATOR)
              tenant suspend ID --reason TEXT
                                       suspend it: its users are refused, its outbound work stops (OPERATOR)
              tenant resume ID         reactivate it (OPERATOR)
              users list               list the tenant's users (ADMIN)
              users show ID            show one user (ADMIN)
              import placements --file F [--profile P] [--portfolio CODE] [--creditor CODE]
                                       upload a placement file (CSV or XLSX); progress bar, JSON summary
              import recalls --file F [--creditor CODE]
                                       upload a recall file: the accounts it names are closed
              imports show ID          an import job with its counts
              imports rejections ID [--cursor C] [--limit N]
                                       the rejected rows of an import with line, column and reason
              accounts list [--bucket B] [--status S] [--portfolio ID] [--limit N] [--cursor C]
                                       list accounts (personal data masked by role)
              accounts show ID         show one account with its debtor and contact points
              compliance evaluate --scenarios FILE.jsonl
                                       what-if: one JSON result per scenario line, on the packs in the build
                                       (no server needed)
              deadlines --scenarios FILE.jsonl
                                       what-if: each case's complaint deadlines (summary resolution, response,
                                       final response) by jurisdiction, on the calendars in the build
                                       (no server needed)
              strategy validate FILE   check a strategy file (YAML or JSON) against the rule packs in the build;
                                       every problem with its line (no server needed; templates are checked
                                       when the file is published)
              strategy run [--date YYYY-MM-DD]
                                       the daily planning run (the tenant's business date by default): summary
                                       JSON with counts per tier, path, variant and channel
              strategy what-if [FILE] [--date YYYY-MM-DD]
                                       plan a draft strategy file (or the one in effect) against today's
                                       accounts without acting: accounts per path, tier and variant, contacts
                                       per channel against capacity
              strategy results [--strategy NAME]
                                       champion/challenger results per variant with significance tests
              model evaluate --data FILE.csv --target COLUMN --bad VALUE [--folds 5]
                                       cross-validated AUC, KS, Gini of the scorecard and the gradient-boosted
                                       challenger on the same folds: one JSON object (no server needed);
                                       with --time COLUMN [--test-share 0.2]: out-of-time, the latest rows held out
              model train --data FILE.csv --target COLUMN --bad VALUE --out DIR [--kind scorecard|gbdt]
                                       train on the whole file and write the model to a new directory
              portal link --account ID [--channel SMS|EMAIL]
                                       print a signed, expiring link to the account's debtor portal (and send it
                                       to the debtor by text or e-mail when a channel is given)
              nlu classify             id<TAB>text lines on stdin -> id<TAB>intent<TAB>emotion lines on stdout
                                       (zh-CN, zh-TW, en; no server needed)
              nlu evaluate             held-out intent and emotion accuracy per language and label, throughput
              bench import [--rows N]  benchmark the placement import against a raw COPY (no server needed)
              bench agent [--conversations N]
                                       scripted debtor personas through the AI agent: automation, PTP and
                                       hand-over rates
              bench pages [--users 20] [--seconds 60] [--audit-rows 1000000] [--with-dispatch]
                                       page times of the workbench, account 360, supervisor page, dashboards and the
                                       console (imports with 100 jobs, account search, audit search over the audit
                                       rows) on the demo data with N signed-in users, against the sign-in page in the
                                       same run; outbound dispatch off unless --with-dispatch
              bench planning [--accounts N]
                                       the daily planning run on N placed accounts against a plain SQL pass
              bench compliance [--seconds N]
                                       rule-evaluation decisions per second on one thread
              bench evidence [--appends N] [--proof-size N]
                                       evidence-log appends/s against raw SHA-256; proof time on a large tree
              bench compliance-rest [--clients N] [--seconds N] [--rate R]
                                       p50/p99 of POST /api/v1/compliance/evaluate under N concurrent clients
              bench calls [--calls 100] [--seconds 20]
                                       concurrent recorded calls against SIPp on loopback: RTP send-time jitter
                                       (p50/p99, share late), packets lost, CPU per call, against bare RTP senders
                                       on the same clock (needs sip-tester)
              bench dialer [--agents 20] [--answer-rate 0.25] [--talk-seconds 180] [--wrap-seconds 30] [--hours 8]
                           [--seed 1] [--machine-share 0.1] [--amd]
                                       the dialer's pacing against a simulated floor in simulated time: predictive
                                       and the progressive baseline as one JSON object (no server needed)
              help                     this text

            options of commands that talk to a server:
              --server URL             the Candor server (default: CANDOR_SERVER, else where 'candor serve' last
                                       started on this machine, else http://localhost:8080)
              --tenant T --user U      sign in as U of tenant T; the password comes from CANDOR_PASSWORD
                                       or is asked for on the terminal
              (or set CANDOR_TOKEN to a token from 'candor login' instead of --tenant/--user)
            """;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public CandorCli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public int run(String[] args) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            out.print(HELP);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Options options = Options.parse(List.of(args).subList(1, args.length));
            return switch (args[0]) {
                case "login" -> client(options).login();
                case "me" -> client(options).get("/api/v1/me");
                case "tenant" -> tenant(options);
                case "users" -> users(options);
                case "accounts" -> accounts(options);
                case "import" -> importFile(options);
                case "compliance" -> compliance(options);
                case "deadlines" -> deadlines(options);
                case "imports" -> imports(options);
                case "strategy" -> strategy(options);
                case "model" -> new ModelCommands(out).run(options);
                case "nlu" -> new NluCommands(in, out, err).run(options);
                case "portal" -> portal(options);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("candor: " + e.getMessage() + " (see 'candor help')");
            return 2;
        } catch (ApiClient.ApiException e) {
            err.println("candor: " + e.getMessage());
            return 1;
        }
    }

    private int tenant(Options o) {
        String verb = o.positional(0, "tenant create|list|show|suspend|resume");
        return switch (verb) {
            case "create" -> {
                String password = env.get("CANDOR_ADMIN_PASSWORD");
                if (password == null || password.isBlank()) {
                    throw new UsageException("set CANDOR_ADMIN_PASSWORD to the new administrator's password");
                }
                Map<String, Object> admin = new LinkedHashMap<>();
                admin.put("username", required(o, "admin", "tenant create ... --admin USERNAME"));
                o.value("admin-name").ifPresent(v -> admin.put("displayName", v));
                o.value("admin-email").ifPresent(v -> admin.put("email", v));
                admin.put("password", password);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("slug", required(o, "slug", "tenant create --slug S ..."));
                body.put("name", required(o, "name", "tenant create ... --name N"));
                body.put("kind", required(o, "kind", "tenant create ... --kind LENDER|AGENCY"));
                body.put("reportingCurrency", required(o, "currency", "tenant create ... --currency CNY"));
                body.put("timeZone", required(o, "zone", "tenant create ... --zone Asia/Shanghai"));
                body.put("locale", o.value("locale").orElse("en"));
                body.put("admin", admin);
                yield client(o).post("/api/v1/tenants", JsonMapper.builder().build().writeValueAsString(body));
            }
            case "list" -> client(o).get("/api/v1/tenants");
            case "show" -> client(o).get("/api/v1/tenants/" + o.positional(1, "tenant show ID"));
            case "suspend" -> client(o).post("/api/v1/tenants/" + o.positional(1, "tenant suspend ID --reason TEXT")
                    + "/suspension", JsonMapper.builder().build().writeValueAsString(Map.of("reason",
                    required(o, "reason", "tenant suspend ID --reason TEXT"))));
            case "resume" -> client(o).delete("/api/v1/tenants/" + o.positional(1, "tenant resume ID") + "/suspension");
            default -> throw new UsageException("unknown tenant command '" + verb + "'");
        };
    }

    private static String required(Options o, String name, String usage) {
        return o.value(name).orElseThrow(() -> new UsageException("usage: candor " + usage));
    }

    private int users(Options o) {
        String verb = o.positional(0, "users list | users show ID");
        return switch (verb) {
            case "list" -> client(o).get("/api/v1/users" + o.query("cursor", "limit"));
            case "show" -> client(o).get("/api/v1/users/" + o.positional(1, "users show ID"));
            default -> throw new UsageException("unknown users command '" + verb + "'");
        };
    }

    private int accounts(Options o) {
        String verb = o.positional(0, "accounts list | accounts show ID");
        return switch (verb) {
            case "list" -> client(o).get("/api/v1/accounts" + o.query("bucket", "status", "portfolio", "cursor", "limit"));
            case "show" -> client(o).get("/api/v1/accounts/" + o.positional(1, "accounts show ID"));
            default -> throw new UsageException("unknown accounts command '" + verb + "'");
        };
    }

    private int importFile(Options o) {
        String kind = o.positional(0, "import placements|recalls --file F");
        if (!kind.equals("placements") && !kind.equals("recalls")) {
            throw new UsageException("usage: candor import placements|recalls --file F");
        }
        Path file = Path.of(o.value("file")
                .orElseThrow(() -> new UsageException("import " + kind + " needs --file F")));
        if (!Files.isReadable(file)) {
            throw new UsageException("cannot read " + file + ": no such file, or not readable");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("profile", "portfolio", "creditor")) {
            o.value(name).ifPresent(v -> fields.put(name, v));
        }
        PrintStream bar = System.console() != null ? err : null;
        return client(o).importFile("/api/v1/imports/" + kind, file, fields, bar);
    }

    private int compliance(Options o) {
        if (!o.positional(0, "compliance evaluate --scenarios FILE").equals("evaluate")) {
            throw new UsageException("usage: candor compliance evaluate --scenarios FILE.jsonl");
        }
        String file = o.value("scenarios").orElseThrow(() -> new UsageException("compliance evaluate needs --scenarios FILE"));
        try (BufferedReader in = file.equals("-")
                ? new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file))) {
            ScenarioJson.evaluateLines(in, out,
                    new ComplianceEvaluator(RulePacks.shipped()));
            return 0;
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private int deadlines(Options o) {
        String file = o.value("scenarios").orElseThrow(() -> new UsageException(
                "usage: candor deadlines --scenarios FILE.jsonl (one case a line; - reads standard input)"));
        try (BufferedReader in = file.equals("-")
                ? new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file))) {
            io.candor.deadline.DeadlineScenarios.evaluateLines(in, out, io.candor.deadline.DeadlineEngine.shipped());
            return 0;
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private int imports(Options o) {
        String verb = o.positional(0, "imports show ID | imports rejections ID");
        String id = o.positional(1, "imports " + verb + " ID");
        return switch (verb) {
            case "show" -> client(o).get("/api/v1/imports/" + id);
            case "rejections" -> client(o).get("/api/v1/imports/" + id + "/rejections" + o.query("cursor", "limit"));
            default -> throw new UsageException("unknown imports command '" + verb + "'");
        };
    }

    private int strategy(Options o) {
        String verb = o.positional(0, "strategy validate FILE | run [--date D] | what-if [FILE] [--date D] | results");
        return switch (verb) {
            case "validate" -> validateStrategy(o.positional(1, "strategy validate FILE"));
            case "run" -> client(o).post("/api/v1/strategy/runs", o.value("date")
                    .map(d -> "{\"date\":\"" + d + "\"}").orElse("{}"));
            case "what-if" -> {
                Map<String, String> body = new LinkedHashMap<>();
                o.optionalPositional(1).ifPresent(file -> body.put("definition", readText(file)));
                o.value("date").ifPresent(d -> body.put("date", d));
                yield client(o).post("/api/v1/strategy/what-if",
                        JsonMapper.builder().build().writeValueAsString(body));
            }
            case "results" -> client(o).get("/api/v1/strategy/results" + o.query("strategy"));
            default -> throw new UsageException("unknown strategy command '" + verb + "'");
        };
    }

    private int portal(Options o) {
        String verb = o.positional(0, "portal link --account ID [--channel SMS|EMAIL]");
        if (!verb.equals("link")) {
            throw new UsageException("unknown portal command '" + verb + "'");
        }
        String account = o.value("account").orElseThrow(() -> new UsageException(
                "usage: candor portal link --account ID [--channel SMS|EMAIL]"));
        return client(o).post("/api/v1/accounts/" + account + "/portal-links", o.value("channel")
                .map(c -> "{\"channel\":\"" + c + "\"}").orElse("{}"), "url");
    }

    private static String readText(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": no such file, or not readable");
        }
    }

    private int validateStrategy(String file) {
        String text = readText(file);
        StrategyFile.Parsed parsed = StrategyFile.parse(text);
        List<StrategyProblem> problems = new ArrayList<>(parsed.problems());
        if (parsed.strategy() != null) {
            problems.addAll(new StrategyCheck(RulePacks.shipped())
                    .problems(parsed.strategy(), null));
        }
        boolean valid = problems.stream().noneMatch(p -> p.severity() == StrategyProblem.Severity.ERROR);
        out.println(JsonMapper.builder().build().writeValueAsString(
                Map.of("file", file, "valid", valid, "problems", problems)));
        problems.forEach(p -> err.println(file + ":" + p.line() + ": " + p.severity().name().toLowerCase(Locale.ROOT)
                + ": " + p.path() + ": " + p.reason()));
        return valid ? 0 : 1;
    }

    private ApiClient client(Options o) {
        String server = o.value("server").orElseGet(() -> env.containsKey("CANDOR_SERVER") ? env.get("CANDOR_SERVER")
                : LastServer.recalled(env).orElse("http://localhost:8080"));
        return new ApiClient(server, Credentials.from(o, env, in, err), out);
    }

    /** A mistake in the command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Parsed {@code --name value} options and positional words. */
    record Options(Map<String, String> values, List<String> positional) {

        static Options parse(List<String> args) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> words = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--")) {
                    int eq = a.indexOf('=');
                    if (eq > 0) {
                        values.put(a.substring(2, eq), a.substring(eq + 1));
                    } else if (i + 1 < args.size()) {
                        values.put(a.substring(2), args.get(++i));
                    } else {
                        throw new UsageException(a + " needs a value");
                    }
                } else {
                    words.add(a);
                }
            }
            return new Options(values, words);
        }

        Optional<String> value(String name) {
            return Optional.ofNullable(values.get(name));
        }

        String positional(int i, String usage) {
            if (i >= positional.size()) {
                throw new UsageException("usage: candor " + usage);
            }
            return positional.get(i);
        }

        Optional<String> optionalPositional(int i) {
            return i < positional.size() ? Optional.of(positional.get(i)) : Optional.empty();
        }

        String query(String... names) {
            StringBuilder q = new StringBuilder();
            for (String n : names) {
                value(n).ifPresent(v -> q.append(q.isEmpty() ? '?' : '&').append(n).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            }
            return q.toString();
        }
    }
}
