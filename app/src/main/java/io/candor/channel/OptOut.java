package io.candor.channel;

import io.candor.compliance.Channel;

/** The opt-out line every written message ends with, in the message's language (English where none is known). */
final class OptOut {

    private OptOut() {
    }

    static String footer(Channel channel, String locale) {
        String lang = locale.startsWith("zh") ? (locale.equalsIgnoreCase("zh-TW") || locale.equalsIgnoreCase("zh-HK")
                ? "zh-TW" : "zh-CN") : "en";
        return switch (channel) {
            case EMAIL -> switch (lang) {
                case "zh-CN" -> "如不希望再收到此类邮件，请回复“退订”。";
                case "zh-TW" -> "如不希望再收到此類郵件，請回覆「退訂」。";
                default -> "To stop these e-mails, reply STOP.";
            };
            case SMS -> switch (lang) {
                case "zh-CN" -> "回复TD退订";
                case "zh-TW" -> "回覆TD退訂";
                default -> "Reply STOP to opt out";
            };
            case APP_PUSH -> switch (lang) {
                case "zh-CN" -> "可在应用“设置—通知”中关闭此类提醒。";
                case "zh-TW" -> "可在應用程式「設定—通知」中關閉此類提醒。";
                default -> "You can turn these reminders off in the app's notification settings.";
            };
            case VOICE_HUMAN, VOICE_AI, LETTER, FIELD_VISIT -> "";
        };
    }

    static String subject(String creditor, String locale) {
        return (locale.startsWith("zh") ? (locale.equalsIgnoreCase("zh-TW") ? "還款提醒" : "还款提醒") : "Payment reminder")
                + " — " + creditor;
    }
}
