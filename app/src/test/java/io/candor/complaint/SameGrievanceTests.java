package io.candor.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which texts are the same grievance, and which e-mails complain, in Chinese and English. */
class SameGrievanceTests {

    @Test
    void aGrievanceToldAgainInOtherWordsIsTheSameAndADifferentOneIsNot() {
        assertThat(SameGrievance.same("催收员在上班时间一天打了三次电话，还对我的同事说了我的欠款",
                "催收员上班时间一天打三次电话，还对同事说了我的欠款！")).isTrue();
        assertThat(SameGrievance.same("催收员在上班时间一天打了三次电话", "我的还款没有入账，余额不对")).isFalse();
        assertThat(SameGrievance.same("Your agent called me at work three times.",
                "your agent called me at work 3 times")).isTrue();
        assertThat(SameGrievance.same("Your agent called me at work three times.",
                "The balance on my statement is wrong")).isFalse();
        assertThat(SameGrievance.same("", "anything")).isFalse();
    }

    @Test
    void anEmailComplainsWhenItUsesTheWordsPeopleUseForIt() {
        assertThat(EmailComplaints.complains("我要投诉你们")).isTrue();
        assertThat(EmailComplaints.complains("再这样我就打12378")).isTrue();
        assertThat(EmailComplaints.complains("I will take this to the Financial Ombudsman")).isTrue();
        assertThat(EmailComplaints.complains("I want to make a COMPLAINT")).isTrue();
        assertThat(EmailComplaints.complains("我下周还，谢谢")).isFalse();
        assertThat(EmailComplaints.complains("I'll pay on Friday")).isFalse();
    }
}
