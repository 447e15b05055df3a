package io.candor.agent;

import java.util.Map;
import java.util.Objects;

import io.candor.platform.web.Languages;

/**
 * What the agent says, in the debtor's language. Every line is plain, respectful and factual: no threats, no
 * shaming, never pretending to be a court or the police; before the debtor is verified nothing reveals the debt.
 */
final class Phrases {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "zh-CN", Map.ofEntries(
                    Map.entry("keys.greet", "这里是{creditor}的智能语音服务。如果您是{name}本人，请输入您的出生日期，共八位数字，例如一九九零年三月七日请输入一九九零零三零七，以井号键结束；如果不是本人，请按九。"),
                    Map.entry("keys.verifyAgain", "抱歉，信息没有对上。请再输入一次您的出生日期，八位数字，以井号键结束；也可以输入身份证号码的后四位，末位是X请按星号键。"),
                    Map.entry("keys.menu", "承诺还款请按一；申请分期请按二；改天再联系请按三；对欠款有异议请按四；转人工请按零；重听请按星号键；结束通话请按井号键。"),
                    Map.entry("keys.heldMenu", "需要帮助请按零，由负责处理的同事回电；结束通话请按井号键。"),
                    Map.entry("keys.amount", "请输入您承诺还款的金额，以元为单位，以井号键结束。"),
                    Map.entry("keys.date", "请输入还款日期，月和日共四位数字，例如十二月十五日请输入一二一五，以井号键结束。"),
                    Map.entry("keys.months", "请输入分期的期数，二到十二，以井号键结束。"),
                    Map.entry("keys.planOffer", "可以为您申请分期：分{months}期，每期约{monthly}。同意请按一，不同意请按二。"),
                    Map.entry("keys.callbackDate", "请输入方便联系的日期，月和日共四位数字，以井号键结束。"),
                    Map.entry("keys.human", "好的，已为您登记，工作人员会尽快回电。再见。"),
                    Map.entry("keys.invalid", "抱歉，没有收到有效的按键。"),
                    Map.entry("keys.goodbye", "感谢您的接听，再见。"),
                    Map.entry("keys.noInput", "没有收到您的按键，我们稍后再与您联系。再见。"),
                    Map.entry("greetText", "您好，这里是{creditor}的智能客服，本次对话由AI助手进行并会留存记录。请问是{name}本人吗？"),
                    Map.entry("heldDisclose", "谢谢，身份已核实。您在{creditor}的账户目前暂停催收，因为{why}。暂停期间我们不会向您催要还款。如需帮助，请说“转人工”，由负责处理的同事与您联系；也可以在还款服务网页查看进度。"),
                    Map.entry("held", "您的账户目前暂停催收（{why}），暂停期间我们不接受还款承诺或分期申请，也不会催要还款。如需帮助，请说“转人工”，由负责处理的同事为您服务。"),
                    Map.entry("hold.DISPUTE", "您提出的异议正在核实"),
                    Map.entry("hold.COMPLAINT_OPEN", "您的投诉正在处理"),
                    Map.entry("hold.HARDSHIP_PAUSE", "已为您的困难情况暂缓催收"),
                    Map.entry("hold.CEASE_COMMUNICATION", "您已要求停止联系"),
                    Map.entry("hold.BANKRUPTCY", "账户涉及破产程序"),
                    Map.entry("hold.DECEASED", "账户正在复核"),
                    Map.entry("hold.ATTORNEY_REPRESENTED", "您已委托代理人，我们将与代理人沟通"),
                    Map.entry("hold.BREATHING_SPACE", "账户处于债务喘息期保护中"),
                    Map.entry("greet", "您好，这里是{creditor}的智能客服，本次通话由AI助手进行并会录音。请问是{name}本人吗？"),
                    Map.entry("verify", "为保护您的信息，请告诉我您的出生日期，或身份证号码的后四位。"),
                    Map.entry("verifyAgain", "抱歉，信息没有对上。请再说一下您的出生日期或身份证后四位。"),
                    Map.entry("notVerified", "抱歉，无法核实您的身份，我们会通过其他方式与本人联系。再见。"),
                    Map.entry("disclose", "谢谢，身份已核实。您在{creditor}的账单已逾期，目前应还{balance}。您可以告诉我计划哪天还款，也可以申请分期；如对金额有异议，也可以直接告诉我。"),
                    Map.entry("askPromise", "好的。请问您计划哪一天还多少？"),
                    Map.entry("promise", "已记录：您承诺在{date}前还款{amount}。届时请按时还款，谢谢您的配合。"),
                    Map.entry("promiseTooLate", "这个日期超出了可以约定的范围（{limit}天内）。请问能否在{latest}之前还款？"),
                    Map.entry("plan", "可以为您申请分期：分{months}期，每期约{monthly}。同意的话请回复“同意”。"),
                    Map.entry("planSpoken", "可以为您申请分期：分{months}期，每期约{monthly}。同意的话请说“同意”。"),
                    Map.entry("planAccepted", "已为您提交{months}期还款计划，每期约{monthly}，工作人员会发送确认。"),
                    Map.entry("hardship", "听到您的情况很抱歉。我们可以先暂停催收30天，并请专人与您商量可以承受的方案。"),
                    Map.entry("dispute", "已登记您的异议，异议处理期间我们会暂停催收，并把账务明细寄给您核对。"),
                    Map.entry("paid", "谢谢告知。我们会核对您的还款记录，核实前不会再催收这笔款项。"),
                    Map.entry("wrongParty", "抱歉打扰了，我们会更正联系信息。再见。"),
                    Map.entry("callback", "好的，我们会在{time}再联系您。"),
                    Map.entry("callbackWhen", "好的，请问什么时间方便？"),
                    Map.entry("refuse", "我理解您的想法。按合同，逾期会继续产生费用并影响信用记录。如果一次还不上，也可以申请分期。"),
                    Map.entry("human", "好的，正在为您转接人工客服，请稍候。"),
                    Map.entry("complaint", "非常抱歉给您带来不好的体验。已登记您的投诉，主管会尽快与您联系。"),
                    Map.entry("calm", "我理解您的心情，我们慢慢说。我请同事来帮您处理。"),
                    Map.entry("support", "听起来您现在很难受。您的安全最重要，如需帮助可拨打心理援助热线12356。我请同事马上和您联系。"),
                    Map.entry("other", "抱歉，我没有听明白。您可以告诉我还款时间、申请分期，或要求转人工。")),
            "zh-TW", Map.ofEntries(
                    Map.entry("keys.greet", "這裡是{creditor}的智慧語音服務。如果您是{name}本人，請輸入您的出生日期，共八位數字，例如一九九零年三月七日請輸入一九九零零三零七，以井字鍵結束；如果不是本人，請按九。"),
                    Map.entry("keys.verifyAgain", "抱歉，資料沒有對上。請再輸入一次您的出生日期，八位數字，以井字鍵結束；也可以輸入身分證號碼的後四碼。"),
                    Map.entry("keys.menu", "承諾繳款請按一；申請分期請按二；改天再聯繫請按三；對帳款有異議請按四；轉真人請按零；重聽請按米字鍵；結束通話請按井字鍵。"),
                    Map.entry("keys.heldMenu", "需要協助請按零，由負責處理的同事回電；結束通話請按井字鍵。"),
                    Map.entry("keys.amount", "請輸入您承諾繳款的金額，以元為單位，以井字鍵結束。"),
                    Map.entry("keys.date", "請輸入繳款日期，月和日共四位數字，例如十二月十五日請輸入一二一五，以井字鍵結束。"),
                    Map.entry("keys.months", "請輸入分期的期數，二到十二，以井字鍵結束。"),
                    Map.entry("keys.planOffer", "可以為您申請分期：分{months}期，每期約{monthly}。同意請按一，不同意請按二。"),
                    Map.entry("keys.callbackDate", "請輸入方便聯繫的日期，月和日共四位數字，以井字鍵結束。"),
                    Map.entry("keys.human", "好的，已為您登記，專員會盡快回電。再見。"),
                    Map.entry("keys.invalid", "抱歉，沒有收到有效的按鍵。"),
                    Map.entry("keys.goodbye", "感謝您的接聽，再見。"),
                    Map.entry("keys.noInput", "沒有收到您的按鍵，我們稍後再與您聯繫。再見。"),
                    Map.entry("greetText", "您好，這裡是{creditor}的智慧客服，本次對話由AI助理進行並會留存紀錄。請問是{name}本人嗎？"),
                    Map.entry("heldDisclose", "謝謝，身分已核實。您在{creditor}的帳戶目前暫停催收，因為{why}。暫停期間我們不會向您催繳款項。如需協助，請說「轉真人」，由負責處理的同事與您聯繫；也可以在繳款服務網頁查看進度。"),
                    Map.entry("held", "您的帳戶目前暫停催收（{why}），暫停期間我們不受理繳款承諾或分期申請，也不會催繳款項。如需協助，請說「轉真人」，由負責處理的同事為您服務。"),
                    Map.entry("hold.DISPUTE", "您提出的異議正在核實"),
                    Map.entry("hold.COMPLAINT_OPEN", "您的申訴正在處理"),
                    Map.entry("hold.HARDSHIP_PAUSE", "已為您的困難狀況暫緩催收"),
                    Map.entry("hold.CEASE_COMMUNICATION", "您已要求停止聯繫"),
                    Map.entry("hold.BANKRUPTCY", "帳戶涉及破產程序"),
                    Map.entry("hold.DECEASED", "帳戶正在複核"),
                    Map.entry("hold.ATTORNEY_REPRESENTED", "您已委任代理人，我們將與代理人溝通"),
                    Map.entry("hold.BREATHING_SPACE", "帳戶處於債務喘息期保護中"),
                    Map.entry("greet", "您好，這裡是{creditor}的智慧客服，本次通話由AI助理進行並會錄音。請問是{name}本人嗎？"),
                    Map.entry("verify", "為保護您的資料，請告訴我您的出生日期，或身分證號碼的後四碼。"),
                    Map.entry("verifyAgain", "抱歉，資料沒有對上。請再說一次您的出生日期或身分證後四碼。"),
                    Map.entry("notVerified", "抱歉，無法核實您的身分，我們會以其他方式與本人聯繫。再見。"),
                    Map.entry("disclose", "謝謝，身分已核實。您在{creditor}的帳款已逾期，目前應繳{balance}。您可以告訴我預計哪天繳款，也可以申請分期；如對金額有異議，也可以直接告訴我。"),
                    Map.entry("askPromise", "好的。請問您預計哪一天繳多少？"),
                    Map.entry("promise", "已記錄：您承諾在{date}前繳款{amount}。屆時請準時繳款，謝謝您的配合。"),
                    Map.entry("promiseTooLate", "這個日期超出可以約定的範圍（{limit}天內）。請問能否在{latest}之前繳款？"),
                    Map.entry("plan", "可以為您申請分期：分{months}期，每期約{monthly}。同意的話請回覆「同意」。"),
                    Map.entry("planSpoken", "可以為您申請分期：分{months}期，每期約{monthly}。同意的話請說「同意」。"),
                    Map.entry("planAccepted", "已為您送出{months}期還款計畫，每期約{monthly}，專員會傳送確認。"),
                    Map.entry("hardship", "聽到您的狀況很抱歉。我們可以先暫停催收30天，並請專人與您討論可負擔的方案。"),
                    Map.entry("dispute", "已登記您的異議，處理期間我們會暫停催收，並把帳務明細寄給您核對。"),
                    Map.entry("paid", "謝謝告知。我們會核對您的繳款紀錄，核實前不會再催收這筆款項。"),
                    Map.entry("wrongParty", "抱歉打擾了，我們會更正聯絡資料。再見。"),
                    Map.entry("callback", "好的，我們會在{time}再與您聯繫。"),
                    Map.entry("callbackWhen", "好的，請問什麼時間方便？"),
                    Map.entry("refuse", "我了解您的想法。依契約，逾期會持續產生費用並影響信用紀錄。如果一次繳不出來，也可以申請分期。"),
                    Map.entry("human", "好的，正在為您轉接真人客服，請稍候。"),
                    Map.entry("complaint", "非常抱歉造成您不好的感受。已登記您的申訴，主管會盡快與您聯繫。"),
                    Map.entry("calm", "我了解您的心情，我們慢慢說。我請同事來協助您。"),
                    Map.entry("support", "聽起來您現在很難受。您的安全最重要，需要協助可撥打安心專線1925。我請同事馬上與您聯繫。"),
                    Map.entry("other", "抱歉，我沒有聽懂。您可以告訴我繳款時間、申請分期，或要求轉真人。")),
            "en", Map.ofEntries(
                    Map.entry("keys.greet", "This is {creditor}'s automated service. If you are {name}, please key your date of birth as eight digits, year first, then the hash key. If you are not {name}, press 9."),
                    Map.entry("keys.verifyAgain", "Sorry, that did not match. Please key your date of birth again, eight digits, then hash; or the last four characters of your ID, with star for X."),
                    Map.entry("keys.menu", "To promise a payment, press 1. For a payment plan, press 2. To be called another day, press 3. To dispute this debt, press 4. For a person, press 0. To hear this again, press star. To end the call, press hash."),
                    Map.entry("keys.heldMenu", "For help, press 0 and the colleague handling it will call you back. To end the call, press hash."),
                    Map.entry("keys.amount", "Please key the amount you will pay, in whole units, then hash."),
                    Map.entry("keys.date", "Please key the day you will pay as four digits, month then day, then hash. For the fifteenth of December, key 1 2 1 5."),
                    Map.entry("keys.months", "Please key the number of monthly payments, from 2 to 12, then hash."),
                    Map.entry("keys.planOffer", "We can set up a plan: {months} monthly payments of about {monthly}. To accept, press 1. To decline, press 2."),
                    Map.entry("keys.callbackDate", "Please key the day that suits you as four digits, month then day, then hash."),
                    Map.entry("keys.human", "Of course. A member of our team will call you back soon. Goodbye."),
                    Map.entry("keys.invalid", "Sorry, that was not a choice."),
                    Map.entry("keys.goodbye", "Thank you for your time. Goodbye."),
                    Map.entry("keys.noInput", "We did not hear any keys; we will contact you again later. Goodbye."),
                    Map.entry("greetText", "Hello, this is the automated assistant of {creditor}; this conversation is with an AI and is kept on record. Am I speaking with {name}?"),
                    Map.entry("heldDisclose", "Thank you, you are verified. Collection on your account with {creditor} is paused because {why}, and we will not ask you for payment while it is. If you need help, say 'agent' and the member of our team who handles it will contact you; you can also follow it in the self-service portal."),
                    Map.entry("held", "Collection on your account is paused ({why}), so we do not take promises or set up plans, and we will not ask you for payment, while it is. Say 'agent' and the member of our team who handles it will help you."),
                    Map.entry("hold.DISPUTE", "your dispute is being reviewed"),
                    Map.entry("hold.COMPLAINT_OPEN", "your complaint is being handled"),
                    Map.entry("hold.HARDSHIP_PAUSE", "of the hardship pause agreed with you"),
                    Map.entry("hold.CEASE_COMMUNICATION", "you asked us to stop contacting you"),
                    Map.entry("hold.BANKRUPTCY", "of insolvency proceedings"),
                    Map.entry("hold.DECEASED", "the account is under review"),
                    Map.entry("hold.ATTORNEY_REPRESENTED", "you are represented, and we deal with your representative"),
                    Map.entry("hold.BREATHING_SPACE", "of a breathing space"),
                    Map.entry("greet", "Hello, this is the automated assistant of {creditor}; this conversation is with an AI and is recorded. Am I speaking with {name}?"),
                    Map.entry("verify", "To protect your information, please tell me your date of birth or the last four characters of your ID number."),
                    Map.entry("verifyAgain", "Sorry, that does not match our records. Please give your date of birth or the last four characters of your ID again."),
                    Map.entry("notVerified", "Sorry, I could not verify who you are. We will contact the account holder another way. Goodbye."),
                    Map.entry("disclose", "Thank you, you are verified. Your account with {creditor} is overdue; the balance is {balance}. You can tell me when you can pay, ask for a payment plan, or tell me if you dispute the amount."),
                    Map.entry("askPromise", "Thank you. When could you pay, and how much?"),
                    Map.entry("promise", "Noted: you will pay {amount} by {date}. Thank you."),
                    Map.entry("promiseTooLate", "That date is further out than we can agree ({limit} days). Could you pay by {latest}?"),
                    Map.entry("plan", "We can set up a plan: {months} monthly payments of about {monthly}. Reply 'agree' to accept."),
                    Map.entry("planSpoken", "We can set up a plan: {months} monthly payments of about {monthly}. Say 'agree' to accept."),
                    Map.entry("planAccepted", "Your {months}-month plan of about {monthly} a month has been submitted; you will get a confirmation."),
                    Map.entry("hardship", "I'm sorry to hear that. We can pause collection for 30 days and have a specialist work out something affordable with you."),
                    Map.entry("dispute", "Your dispute is registered. We pause collection while it is reviewed and will send you the account details."),
                    Map.entry("paid", "Thank you for letting us know. We will check your payment and will not ask for it again until we have."),
                    Map.entry("wrongParty", "Sorry to have bothered you; we will correct our records. Goodbye."),
                    Map.entry("callback", "Of course, we will contact you again at {time}."),
                    Map.entry("callbackWhen", "Of course. When would suit you?"),
                    Map.entry("refuse", "I understand. Under the agreement, fees continue and your credit record is affected while the account is overdue. If paying in full is hard, a payment plan is possible."),
                    Map.entry("human", "Of course, I am transferring you to a member of our team now."),
                    Map.entry("complaint", "I am sorry about your experience. Your complaint is recorded and a supervisor will contact you soon."),
                    Map.entry("calm", "I understand how you feel. Let's take this slowly; I am asking a colleague to help you."),
                    Map.entry("support", "It sounds like things are very hard right now. Your safety matters most; a colleague will contact you straight away, and you can reach a support line such as Samaritans on 116 123."),
                    Map.entry("other", "Sorry, I did not understand. You can tell me when you can pay, ask for a plan, or ask for a person.")));

    private Phrases() {
    }

    static String say(String locale, String key, Map<String, String> values) {
        // a phrase the language lacks is said in English; a key nobody has is a programming error
        String text = TEXT.getOrDefault(locale, Map.of()).get(key);
        if (text == null) {
            text = Objects.requireNonNull(TEXT.get("en")).get(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("No phrase '" + key + "'");
        }
        for (var e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }

    static String locale(String language) {
        return Languages.nearest(language, Languages.STAFF);
    }
}
