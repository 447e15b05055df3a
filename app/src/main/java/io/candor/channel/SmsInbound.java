package io.candor.channel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.candor.compliance.Channel;
import io.candor.platform.Timestamps;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.ContactPreferences;
import io.candor.portfolio.ContactTargets;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What comes back over SMPP: delivery receipts turn a SENT message into DELIVERED or FAILED; a debtor's reply is
 * matched to their phone, and a stop word (STOP, TD, 退订, 退訂 …) opts that number out of SMS at once. Both are
 * evidence-logged.
 */
@Component
class SmsInbound {

    private static final Logger log = LoggerFactory.getLogger(SmsInbound.class);
    /** Replies that mean "stop texting me". */
    static final Set<String> STOP_WORDS = OptOut.stopWords("TD", "T", "取消", "PARAR");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ContactPreferences preferences;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService answers = Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "sms-conversations");
                t.setDaemon(true);
                return t;
            });

    private final ContactTargets targets;

    SmsInbound(JdbcClient jdbc, TransactionTemplate tx, ContactPreferences preferences, ApplicationEventPublisher events,
            Clock clock, ContactTargets targets) {
        this.targets = targets;
        this.jdbc = jdbc;
        this.tx = tx;
        this.preferences = preferences;
        this.events = events;
        this.clock = clock;
    }

    /** The listener of one tenant's session. */
    MessageReceiverListener listener(UUID tenant) {
        return new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
                try {
                    List<SmsReceived> conversation = new ArrayList<>();
                    TenantContext.run(tenant, () -> tx.executeWithoutResult(s -> {
                        if (deliverSm.isSmscDeliveryReceipt()) {
                            receipt(deliverSm);
                        } else {
                            conversation.addAll(reply(deliverSm.getSourceAddr(), text(deliverSm)));
                        }
                    }));
                    // answered after the SMSC has its response, one at a time, in order
                    conversation.forEach(r -> answers.execute(() -> TenantContext.run(tenant,
                            () -> events.publishEvent(r))));
                } catch (RuntimeException e) {
                    log.warn("An inbound SMS for tenant {} could not be processed: {}", tenant, e.getMessage());
                    throw new ProcessRequestException(e.getMessage(), 8);
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
                // nothing to do: Candor does not ask for alerts
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("data_sm is not supported", 3);
            }
        };
    }

    private void receipt(DeliverSm deliverSm) {
        DeliveryReceipt receipt;
        try {
            receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException e) {
            log.warn("An SMSC delivery receipt could not be read: {}", e.getMessage());
            return;
        }
        DeliveryReceiptState state = receipt.getFinalStatus();
        MessageStatus status = state == DeliveryReceiptState.DELIVRD ? MessageStatus.DELIVERED
                : state == DeliveryReceiptState.ENROUTE || state == DeliveryReceiptState.ACCEPTD ? null
                : MessageStatus.FAILED;
        if (status == null) {
            return;
        }
        List<UUID> accounts = jdbc.sql("""
                        UPDATE outbound_message SET status = :status, detail = :detail, updated_at = :now
                        WHERE channel = 'SMS' AND provider_id = :id AND status IN ('SENT', 'DELIVERED', 'FAILED')
                        RETURNING account_id""")
                .param("status", status.name()).param("detail", "SMSC receipt: " + state + " " + receipt.getError())
                .param("now", Timestamps.utc(clock.instant())).param("id", receipt.getId()).query(UUID.class).list();
        accounts.forEach(a -> events.publishEvent(EvidenceEvent.of(EvidenceType.MESSAGE_RECEIPT, EvidenceEvent.Subject.account(a),
                clock.instant(), Map.of("channel", "SMS", "provider", receipt.getId(), "state", state.name()))));
    }

    /** Stops SMS on a stop word; otherwise the reply goes to the agent (the first account of that number). */
    private List<SmsReceived> reply(String from, String text) {
        String word = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s。！]+", "");
        String digits = from.replaceAll("\\D", "");
        List<ContactTargets.Sender> points = targets.byPhoneDigits(digits);
        boolean stop = STOP_WORDS.contains(word);
        for (ContactTargets.Sender p : points) {
            if (stop) {
                preferences.optOut(p.point(), Channel.SMS.name(), true);
            }
            events.publishEvent(new EvidenceEvent(EvidenceType.SMS_REPLY, EvidenceEvent.Subject.account(p.account()),
                    "debtor", clock.instant(), Map.of("stopWord", Boolean.toString(stop)),
                    List.of(text.getBytes(StandardCharsets.UTF_8))));
        }
        log.info("SMS reply from a debtor's number matched {} contact point(s){}", points.size(), stop ? "; opted out of SMS" : "");
        return stop || points.isEmpty() ? List.of()
                : List.of(new SmsReceived(points.getFirst().account(), from, text));
    }

    /** The text of a deliver_sm: the short message or the payload TLV, UCS-2 when the data coding says so. */
    static String text(DeliverSm sm) {
        byte[] bytes = sm.getShortMessage();
        if ((bytes == null || bytes.length == 0)
                && sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString o) {
            bytes = o.getValue();
        }
        if (bytes == null) {
            return "";
        }
        return (sm.getDataCoding() & 0x0C) == SmppSms.UCS2 ? new String(bytes, StandardCharsets.UTF_16BE)
                : new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
