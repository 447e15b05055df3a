package io.candor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.agent.ConversationChannel;
import io.candor.agent.Conversations;
import io.candor.agent.nlu.Nlu;
import io.candor.platform.Actor;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code candor bench agent [--conversations N]}: N placed accounts (half of the debtors writing English), each
 * talked to by one of ten scripted debtor personas through the agent — the cooperative promiser, the instalment
 * seeker, the disputer, the already-paid, the wrong number, the busy, the angry complainer, the one in hardship,
 * the refuser, the one who wants a person. Reports the automation rate (conversations the agent finished without
 * a person), the PTP rate (promises and plans), the hand-over rate, how often each persona got the outcome its
 * script calls for, and conversations per second.
 */
public final class AgentBenchmark {

    private record Persona(String name, String expect, List<String> zh, List<String> en) {
    }

    private static final List<Persona> PERSONAS = List.of(
            new Persona("promiser", "RecordPromise", List.of("是我", "{dob}", "下周五之前我还五百块"),
                    List.of("yes speaking", "{dob}", "I'll pay 200 on Friday")),
            new Persona("installments", "RequestPlan", List.of("你好", "{dob}", "能不能分期还啊", "同意"),
                    List.of("hello", "{dob}", "Can I pay in installments?", "agree")),
            new Persona("disputer", "Dispute", List.of("是我本人", "{dob}", "这笔钱我没借过，金额也不对"),
                    List.of("yes that's me", "{dob}", "I never borrowed this money")),
            new Persona("already-paid", "PaidClaim", List.of("是我", "{dob}", "我已经还了，昨天转账的"),
                    List.of("speaking", "{dob}", "I already paid, I made the transfer yesterday")),
            new Persona("wrong-number", "WrongParty", List.of("你打错了，我不认识这个人"),
                    List.of("Wrong number, I don't know who that is")),
            new Persona("busy", "Callback", List.of("是我", "{dob}", "我在开会，明天再打吧"),
                    List.of("yes", "{dob}", "I'm in a meeting, call me back tomorrow")),
            new Persona("complainer", "HANDED_OVER", List.of("是我", "{dob}", "你们天天打电话骚扰，我要投诉"),
                    List.of("yes", "{dob}", "You keep harassing me with calls, I want to make a complaint")),
            new Persona("hardship", "HANDED_OVER", List.of("是我", "{dob}", "我失业了，现在一分钱都没有"),
                    List.of("yes it's me", "{dob}", "I lost my job and I have no money at all")),
            new Persona("refuser", "HANDED_OVER", List.of("是我", "{dob}", "我不还", "不还了，随便你们"),
                    List.of("yes", "{dob}", "I'm not paying", "I refuse to pay")),
            new Persona("wants-a-person", "HANDED_OVER", List.of("转人工"), List.of("I want to speak to a person")));

    private AgentBenchmark() {
    }

    public static int run(List<String> args, Class<?> application) throws Exception {
        int n = Integer.parseInt(ImportBenchmark.option(args, "--conversations", "1000"));
        Path dir = Path.of(ImportBenchmark.option(args, "--data-dir", Files.createTempDirectory("candor-bench").toString()));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .run(ImportBenchmark.springArguments(args, dir))) {
            Tenant tenant = ctx.getBean(Tenants.class).create("bench-" + System.currentTimeMillis(), "Benchmark",
                    Tenant.Kind.LENDER, Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"));
            Path file = dir.resolve("agent-" + n + ".csv");
            // every other debtor speaks English: the same dialogue in two languages
            PlacementFileGenerator.write(file, n, "AG-", LocalDate.of(2026, 11, 23), i -> i % 2 == 1 ? "en" : "zh-CN");
            List<UUID> accounts = TenantContext.call(tenant.id(), () -> {
                ImportBenchmark.place(ctx, file);
                return ctx.getBean(AccountReadModel.class).openBetween(null, null).stream()
                        .sorted(Comparator.comparing(AccountFacts::reference)).map(AccountFacts::id).toList();
            });
            Conversations agent = ctx.getBean(Conversations.class);
            Actor actor = Actor.of(new UUID(0, 2), "bench");
            int automated = 0;
            int promised = 0;
            int handedOver = 0;
            int turns = 0;
            Map<String, int[]> byPersona = new LinkedHashMap<>();
            List<String> heard = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < accounts.size(); i++) {
                Persona p = PERSONAS.get(i % PERSONAS.size());
                UUID account = accounts.get(i);
                Conversations.View v = TenantContext.call(tenant.id(), () -> agent.start(account, ConversationChannel.CHAT, Conversations.Direction.INBOUND, actor));
                boolean english = v.locale().equals("en");
                Set<String> actions = new HashSet<>();
                for (String line : english ? p.en() : p.zh()) {
                    String text = line.equals("{dob}") ? english ? "my date of birth is 1 January 1985"
                            : "我的出生日期是1985年1月1日" : line;
                    UUID id = v.id();
                    heard.add(text);
                    v = TenantContext.call(tenant.id(), () -> agent.turn(id, text, actor));
                    actions.addAll(v.turns().getLast().actions());
                    turns++;
                    if (v.state().equals("ENDED") || v.state().equals("HANDED_OVER")) {
                        break;
                    }
                }
                boolean handover = v.state().equals("HANDED_OVER");
                automated += handover ? 0 : 1;
                handedOver += handover ? 1 : 0;
                promised += actions.contains("RecordPromise") || actions.contains("RequestPlan") ? 1 : 0;
                boolean met = p.expect().equals("HANDED_OVER") ? handover : actions.contains(p.expect());
                int[] c = byPersona.computeIfAbsent(p.name(), k -> new int[2]);
                c[0] += met ? 1 : 0;
                c[1]++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // the baseline, same run: reading the same turns with the NLU alone (no database, no actions, no log)
            Nlu nlu = Nlu.shipped();
            long baselineStart = System.nanoTime();
            heard.forEach(nlu::read);
            double baseline = (System.nanoTime() - baselineStart) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("benchmark", "agent-personas");
            out.put("conversations", accounts.size());
            out.put("turns", turns);
            out.put("seconds", Math.round(seconds * 100) / 100.0);
            out.put("conversationsPerSecond", Math.round(accounts.size() / seconds));
            out.put("baselineNluOnlySeconds", Math.round(baseline * 1000) / 1000.0);
            out.put("ratioToBaseline", Math.round(10_000.0 * baseline / seconds) / 10_000.0);
            out.put("automationRate", rate(automated, accounts.size()));
            out.put("ptpRate", rate(promised, accounts.size()));
            out.put("handoverRate", rate(handedOver, accounts.size()));
            Map<String, Double> met = new LinkedHashMap<>();
            int all = 0;
            for (var e : byPersona.entrySet()) {
                met.put(e.getKey(), rate(e.getValue()[0], e.getValue()[1]));
                all += e.getValue()[0];
            }
            out.put("scriptedOutcomeRate", rate(all, accounts.size()));
            out.put("byPersona", met);
            System.out.println(JsonMapper.builder().build().writeValueAsString(out));
            return 0;
        }
    }

    private static double rate(int a, int b) {
        return b == 0 ? 0 : Math.round(10_000.0 * a / b) / 10_000.0;
    }
}
