package io.candor.channel.sandbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A small SMSC on loopback, speaking SMPP 3.4 through jSMPP's server side: it checks each bind against its accounts,
 * keeps every submit_sm (with the account that sent it), and sends delivery receipts and mobile-originated replies
 * back on the bound session. The tests use it as Candor's peer; the demo runs one so its texts really go out and can
 * be read in the outbox, with a delivery receipt for each when {@code autoReceipts} is on.
 */
public final class SandboxSmsc implements AutoCloseable {

    /** A message as the SMSC received it, and the account ({@code systemId}) it came on. */
    public record Submitted(String id, String systemId, String to, String from, String text, byte dataCoding,
                            Instant at) {
    }

    /** Every message received, oldest first (the demo keeps the last {@link #KEPT}). */
    public final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    public final int port;
    static final int KEPT = 2_000;
    private final Map<String, String> accounts;
    private final boolean autoReceipts;
    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final Map<String, SMPPServerSession> sessions = new ConcurrentHashMap<>();
    private volatile @Nullable SMPPServerSession session;
    private volatile boolean closed;

    /** An SMSC with one account, answering receipts by hand ({@link #receipt}): the tests' peer. */
    public SandboxSmsc(String systemId, String password) throws IOException {
        this(Map.of(systemId, password), false);
    }

    /** An SMSC with these accounts (system id → password). */
    public SandboxSmsc(Map<String, String> accounts, boolean autoReceipts) throws IOException {
        this.accounts = Map.copyOf(accounts);
        this.autoReceipts = autoReceipts;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        threads.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    SMPPServerSession s = listener.accept();
                    threads.submit(() -> bind(s)); // one slow or silent client never stops the others binding
                } catch (IOException | RuntimeException e) {
                    if (closed || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    LoggerFactory.getLogger(SandboxSmsc.class).warn("Sandbox SMSC: {}", e.toString());
                }
            }
        });
    }

    private void bind(SMPPServerSession s) {
        try {
            BindRequest bind = s.waitForBind(5000);
            if (bind.getPassword().equals(accounts.get(bind.getSystemId()))) {
                bind.accept("candor-sandbox"); // a system id is at most 16 characters
                sessions.put(bind.getSystemId(), s);
                session = s;
            } else {
                bind.reject(0x0E); // ESME_RINVPASWD
            }
        } catch (Exception e) {
            s.close();
        }
    }

    /** The messages received on one account, newest first. */
    public List<Submitted> of(String systemId) {
        List<Submitted> mine = new ArrayList<>(submitted.stream().filter(m -> m.systemId().equals(systemId))
                .toList());
        Collections.reverse(mine);
        return mine;
    }

    /** Sends the delivery receipt of a submitted message. */
    public void receipt(Submitted m, DeliveryReceiptState state) throws Exception {
        SMPPServerSession session = Objects.requireNonNull(sessions.getOrDefault(m.systemId(), this.session),
                "no ESME is bound");
        DeliveryReceipt r = new DeliveryReceipt(m.id(), 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(),
                new Date(), state, "000", m.text().length() > 20 ? m.text().substring(0, 20) : m.text());
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, m.to(),
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, m.from(),
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
                (byte) 0, new RegisteredDelivery(0),
                GeneralDataCoding.DEFAULT, r.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** A debtor's reply from {@code from}, on the account bound last. */
    public void reply(String from, String text) throws Exception {
        reply(Objects.requireNonNull(session, "no ESME is bound"), from, text);
    }

    /** A debtor's reply from {@code from} to the ESME bound as {@code systemId}. */
    public void reply(String systemId, String from, String text) throws Exception {
        SMPPServerSession s = sessions.get(systemId);
        if (s == null) {
            throw new IllegalStateException("no ESME is bound as " + systemId);
        }
        reply(s, from, text);
    }

    private static void reply(SMPPServerSession session, String from, String text) throws Exception {
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "CANDOR", new ESMClass(), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), DataCodings.newInstance(UCS2),
                text.getBytes(StandardCharsets.UTF_16BE));
    }

    /** SMPP data coding 8: UCS-2 (UTF-16BE). */
    private static final byte UCS2 = 0x08;

    @Override
    public void close() throws IOException {
        closed = true;
        sessions.values().forEach(SMPPServerSession::unbindAndClose);
        listener.close();
        threads.shutdownNow();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) throws ProcessRequestException {
            byte[] bytes = sm.getShortMessage();
            if ((bytes == null || bytes.length == 0)
                    && sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString o) {
                bytes = o.getValue();
            }
            String text = (sm.getDataCoding() & 0x0C) == UCS2 ? new String(bytes, StandardCharsets.UTF_16BE)
                    : new String(bytes, StandardCharsets.ISO_8859_1);
            String id = Integer.toString(ids.incrementAndGet());
            String systemId = sessions.entrySet().stream().filter(e -> e.getValue() == source).map(
                    Map.Entry::getKey).findFirst().orElse("?");
            Submitted m = new Submitted(id, systemId, sm.getDestAddress(), sm.getSourceAddr(), text, sm.getDataCoding(),
                    Instant.now());
            submitted.add(m);
            while (submitted.size() > KEPT) {
                submitted.removeFirst();
            }
            if (autoReceipts) {
                threads.submit(() -> {
                    Thread.sleep(200); // after the submit_sm_resp, as a real SMSC would
                    receipt(m, DeliveryReceiptState.DELIVRD);
                    return null;
                });
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 8);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti sm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelSm(CancelSm sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm sm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm sm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm sm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm sm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }
    }
}
