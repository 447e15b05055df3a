package io.candor.channel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;

/** The sandbox SMSC binds several accounts and tells their messages apart. */
class SandboxSmscTests {

    @Test
    void bindsEachAccountWithItsPasswordAndKeepsWhoSentWhat() throws Exception {
        try (SandboxSmsc smsc = new SandboxSmsc(Map.of("a", "pa", "b", "pb"), true)) {
            for (String account : new String[] {"a", "b"}) {
                SMPPSession s = new SMPPSession();
                s.connectAndBind("127.0.0.1", smsc.port, new BindParameter(BindType.BIND_TRX, account, "p" + account,
                        "cp", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5000);
                s.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "CANDOR",
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "8613800138000",
                        new ESMClass(), (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(0), (byte) 0, new GeneralDataCoding(),
                        (byte) 0, ("hello " + account).getBytes(StandardCharsets.ISO_8859_1));
                s.unbindAndClose();
            }
            assertThat(smsc.of("a")).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("hello a"));
            assertThat(smsc.of("b")).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("hello b"));
            SMPPSession wrong = new SMPPSession();
            Assertions.assertThatThrownBy(() -> wrong.connectAndBind("127.0.0.1", smsc.port,
                    new BindParameter(BindType.BIND_TRX, "a", "nope", "cp", TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.UNKNOWN, null), 5000)).isInstanceOf(IOException.class);
        }
    }
}
