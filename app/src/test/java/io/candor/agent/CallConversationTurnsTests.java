package io.candor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.identity.Role;
import io.candor.platform.Actor;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.ContactPointRef;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a call's conversation keeps of the identity answer: said in words, without its digits; keyed, as x — except a
 * 9 or 0 keyed there, which is a choice (not the debtor; a person) and is kept as keyed.
 */
@CandorIntegrationTest
class CallConversationTurnsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Conversations conversations;

    @Autowired
    ContactGate gate;

    @Autowired
    JdbcClient jdbc;

    @Test
    void identityAnswersAreKeptWithoutTheirDigitsAndChoicesAsKeyed() {
        TestTenants.TestTenant tenant = tenants.create("callturns");
        Api api = new Api(port);
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        Actor agent = Actor.of(tenant.user(Role.COLLECTOR).id(), "ai-agent");
        UUID spoken = tenant.accounts().get(0);
        UUID keyed = tenant.accounts().get(1);
        UUID words = conversations(tenant, api, admin, agent, spoken, Conversations.Input.WORDS);
        UUID keys = conversations(tenant, api, admin, agent, keyed, Conversations.Input.KEYS);
        TenantContext.run(tenant.id(), () -> {
            conversations.turn(words, "the last four are 4821", agent);
            conversations.keyed(keys, "9", agent);
        });
        TenantContext.run(tenant.id(), () -> {
            assertThat(heard(words)).isEqualTo("the last four are xxxx");
            assertThat(heard(keys)).as("a 9 keyed to the identity question is a choice").isEqualTo("keys: 9#");
        });
    }

    private UUID conversations(TestTenants.TestTenant tenant, Api api, String admin, Actor agent, UUID account,
            Conversations.Input input) {
        UUID phone = tenants.contactPoint(tenant, account, "PHONE");
        TestTenants.anyHour(api, admin, phone);
        return TenantContext.call(tenant.id(), () -> {
            UUID contact = gate.decide(new ContactGate.Request(account, Channel.VOICE_AI, Party.DEBTOR,
                    ContactPointRef.of(phone), null), agent).reservation();
            return conversations.startCall(account, contact, input, agent).id();
        });
    }

    private String heard(UUID conversation) {
        return jdbc.sql("SELECT debtor_text FROM agent_turn WHERE conversation_id = :c AND seq = 1")
                .param("c", conversation).query(String.class).single();
    }
}
