package io.candor.channel;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.GSMSpecificFeature;
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

/**
 * A small SMSC on loopback for the tests, speaking SMPP 3.4 through jSMPP's server side: it checks the bind, keeps
 * every submit_sm, and sends delivery receipts and mobile-originated replies back on the bound session.
 */
final class TestSmsc implements AutoCloseable {

    /** A message as the SMSC received it. */
    record Submitted(String id, String to, String from, String text, byte dataCoding) {
    }

    final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    final int port;
    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private volatile SMPPServerSession session;

    TestSmsc(String systemId, String password) throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        threads.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                SMPPServerSession s = listener.accept();
                BindRequest bind = s.waitForBind(5000);
                if (bind.getSystemId().equals(systemId) && bind.getPassword().equals(password)) {
                    bind.accept("test-smsc");
                    session = s;
                } else {
                    bind.reject(0x0E); // ESME_RINVPASWD
                }
            }
            return null;
        });
    }

    /** Sends the delivery receipt of a submitted message. */
    void receipt(Submitted m, DeliveryReceiptState state) throws Exception {
        DeliveryReceipt r = new DeliveryReceipt(m.id(), 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(),
                new Date(), state, "000", m.text().length() > 20 ? m.text().substring(0, 20) : m.text());
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, m.to(),
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, m.from(),
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
                (byte) 0, new RegisteredDelivery(0),
                GeneralDataCoding.DEFAULT, r.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** A debtor's reply from {@code from}. */
    void reply(String from, String text) throws Exception {
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "CANDOR", new ESMClass(), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), org.jsmpp.bean.DataCodings.newInstance(SmppSms.UCS2),
                text.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public void close() throws IOException {
        if (session != null) {
            session.unbindAndClose();
        }
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
            String text = (sm.getDataCoding() & 0x0C) == SmppSms.UCS2 ? new String(bytes, StandardCharsets.UTF_16BE)
                    : new String(bytes, StandardCharsets.ISO_8859_1);
            String id = Integer.toString(ids.incrementAndGet());
            submitted.add(new Submitted(id, sm.getDestAddress(), sm.getSourceAddr(), text, sm.getDataCoding()));
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
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
