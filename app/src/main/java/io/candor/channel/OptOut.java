package io.candor.channel;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.candor.compliance.Channel;

/**
 * The opt-out line every written message ends with, and the subject line, in the message's language (English where
 * none is known). Each SMS line names a word {@link SmsInbound} takes as "stop".
 */
final class OptOut {

    /** Per language: e-mail footer, SMS footer, app-push footer, subject. */
    private static final Map<String, String[]> LINES = Map.of(
            "zh-CN", new String[] {"如不希望再收到此类邮件，请回复“退订”。", "回复TD退订", "可在应用“设置—通知”中关闭此类提醒。", "还款提醒"},
            "zh-TW", new String[] {"如不希望再收到此類郵件，請回覆「退訂」。", "回覆TD退訂", "可在應用程式「設定—通知」中關閉此類提醒。", "還款提醒"},
            "en", new String[] {"To stop these e-mails, reply STOP.", "Reply STOP to opt out",
                    "You can turn these reminders off in the app's notification settings.", "Payment reminder"},
            "id", new String[] {"Untuk berhenti menerima email ini, balas STOP.", "Balas STOP untuk berhenti",
                    "Anda dapat mematikan pengingat ini di pengaturan notifikasi aplikasi.", "Pengingat pembayaran"},
            "pt-BR", new String[] {"Para não receber mais estes e-mails, responda SAIR.", "Responda SAIR para não receber mais",
                    "Você pode desativar estes lembretes nas notificações do aplicativo.", "Lembrete de pagamento"},
            "es", new String[] {"Para dejar de recibir estos correos, responde BAJA.", "Responde BAJA para no recibir más",
                    "Puedes desactivar estos recordatorios en los ajustes de notificaciones de la app.", "Recordatorio de pago"},
            "vi", new String[] {"Để ngừng nhận email này, hãy trả lời HUY.", "Trả lời HUY để ngừng nhận",
                    "Bạn có thể tắt nhắc nhở này trong cài đặt thông báo của ứng dụng.", "Nhắc thanh toán"},
            "th", new String[] {"หากไม่ต้องการรับอีเมลนี้ ให้ตอบกลับว่า ยกเลิก", "ตอบ ยกเลิก เพื่อหยุดรับข้อความ",
                    "คุณสามารถปิดการแจ้งเตือนนี้ได้ในการตั้งค่าการแจ้งเตือนของแอป", "แจ้งเตือนการชำระเงิน"});

    /** The words that mean "stop" in every language the opt-out lines are written in, on every channel. */
    static final Set<String> STOP_WORDS = Set.of("STOP", "UNSUBSCRIBE", "退订", "退訂", "BERHENTI",
            "SAIR", "BAJA", "HUY", "ยกเลิก");

    /** {@link #STOP_WORDS} and the words of one channel. */
    static Set<String> stopWords(String... more) {
        Set<String> all = new HashSet<>(STOP_WORDS);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private OptOut() {
    }

    static String footer(Channel channel, String locale) {
        String[] lines = lines(locale);
        return switch (channel) {
            case EMAIL -> lines[0];
            case SMS -> lines[1];
            case APP_PUSH -> lines[2];
            case VOICE_HUMAN, VOICE_AI, LETTER, FIELD_VISIT -> "";
        };
    }

    static String subject(String creditor, String locale) {
        return lines(locale)[3] + " — " + creditor;
    }

    private static String[] lines(String locale) {
        String[] english = Objects.requireNonNull(LINES.get("en"));
        if (locale.equalsIgnoreCase("zh-HK")) {
            return LINES.getOrDefault("zh-TW", english);
        }
        String[] exact = LINES.get(locale);
        return exact != null ? exact : LINES.getOrDefault(locale.split("-")[0], english);
    }
}
