package io.candor.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.candor.compliance.Channel;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.EachTenant;
import jakarta.annotation.PreDestroy;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * SMS over SMPP 3.4 (jSMPP): settings {@code host}, {@code port}, {@code systemId}, {@code sourceAddr} (a number or
 * an alphanumeric sender id); the secret is the bind password. One transceiver session per tenant and provider
 * settings stays bound, so delivery receipts and the debtor's replies come back on it and go to
 * {@link SmsInbound}. Texts outside GSM's Latin range go as UCS-2; long ones in the message_payload TLV.
 */
@Component
class SmppSms implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(SmppSms.class);

    /** SMPP data coding 8: UCS-2 (UTF-16BE). */
    static final byte UCS2 = 0x08;

    private final SmsInbound inbound;
    private final Providers providers;
    private final EachTenant each;
    private final Map<String, SMPPSession> sessions = new ConcurrentHashMap<>();

    SmppSms(SmsInbound inbound, Providers providers, EachTenant each) {
        this.inbound = inbound;
        this.providers = providers;
        this.each = each;
    }

    /** Keeps every tenant's transceiver bound, so replies and receipts arrive even when nothing was sent lately. */
    @Scheduled(fixedDelayString = "${candor.channels.smpp-bind-interval:60s}",
            initialDelayString = "${candor.channels.smpp-bind-interval:60s}")
    void keepBound() {
        each.runActive("Binding the SMS transceiver", () -> providers.find(Channel.SMS).ifPresent(p -> {
            try {
                session(p);
            } catch (IOException e) {
                log.warn("The SMS transceiver could not bind: {}", e.getMessage());
            }
        }));
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Delivery send(OutboundMessage m, Providers.Provider p) {
        try {
            SMPPSession session = session(p);
            boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(m.body());
            byte[] text = m.body().getBytes(ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE);
            DataCoding coding = ascii ? GeneralDataCoding.DEFAULT : DataCodings.newInstance(UCS2);
            String source = p.setting("sourceAddr");
            boolean numeric = source.matches("\\+?\\d+");
            OptionalParameter[] payload = text.length <= 140 ? new OptionalParameter[0]
                    : new OptionalParameter[] {new OptionalParameter.OctetString(
                            OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), text)};
            String id = session.submitShortMessage("", numeric ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.ALPHANUMERIC,
                    NumberingPlanIndicator.UNKNOWN, source.replace("+", ""), TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN, m.to().replace("+", ""), new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, coding, (byte) 0,
                    text.length <= 140 ? text : new byte[0], payload).getMessageId();
            return new Delivery.Accepted(id);
        } catch (IOException | PDUException | ResponseTimeoutException | InvalidResponseException e) {
            sessions.remove(key(p)); // rebind on the next send
            return new Delivery.Failed("SMPP: " + e.getMessage());
        } catch (NegativeResponseException e) {
            return new Delivery.Failed("The SMSC refused the message: " + e.getMessage());
        }
    }

    private SMPPSession session(Providers.Provider p) throws IOException {
        UUID tenant = TenantContext.require();
        String key = key(p);
        SMPPSession bound = sessions.get(key);
        if (bound != null && bound.getSessionState().isBound()) {
            return bound;
        }
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(10_000);
        session.setEnquireLinkTimer(30_000);
        session.setMessageReceiverListener(inbound.listener(tenant));
        session.connectAndBind(p.setting("host"), Integer.parseInt(p.setting("port")), new BindParameter(BindType.BIND_TRX,
                p.setting("systemId"), p.secret() == null ? "" : p.secret(), "CANDOR", TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null));
        sessions.put(key, session);
        log.info("SMPP transceiver bound to {}:{} as {}", p.setting("host"), p.setting("port"), p.setting("systemId"));
        return session;
    }

    private static String key(Providers.Provider p) {
        return TenantContext.require() + "|" + Objects.hash(p.settings(), p.secret());
    }

    @PreDestroy
    void close() {
        sessions.values().forEach(SMPPSession::unbindAndClose);
        sessions.clear();
    }
}
