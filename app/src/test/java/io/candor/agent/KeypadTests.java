package io.candor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.candor.compliance.Hold;
import io.candor.platform.money.Money;
import org.junit.jupiter.api.Test;

/** The agent's keypad dialogue, as pure rules: who is keying, then the menu and its entries. */
class KeypadTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final Dialogue.Debtor DEBTOR = new Dialogue.Debtor("单丽华", "招商银行", Money.ofMinor(101_234, "CNY"),
            LocalDate.of(1990, 3, 7), "100X", "zh-CN");

    @Test
    void theDebtorProvesWhoTheyAreByBirthDateOrTheIdsLastFourWithStarForX() {
        Dialogue.Step wrong = Keypad.turn(Dialogue.State.START, DEBTOR, "19900308", TODAY);
        assertThat(wrong.next().phase()).isEqualTo(ConversationState.VERIFYING);
        assertThat(wrong.next().failedChecks()).isEqualTo(1);
        assertThat(wrong.reply()).doesNotContain("1012.34");
        Dialogue.Step right = Keypad.turn(wrong.next(), DEBTOR, "19900307", TODAY);
        assertThat(right.next().phase()).isEqualTo(ConversationState.VERIFIED);
        assertThat(right.reply()).contains("1012.34 CNY").contains("承诺还款请按一");
        assertThat(Keypad.turn(Dialogue.State.START, DEBTOR, "100*", TODAY).next().phase())
                .isEqualTo(ConversationState.VERIFIED);
        assertThat(Keypad.kept(Dialogue.State.START, "19900307")).isEqualTo("xxxxxxxx");
        assertThat(Keypad.awaiting(Dialogue.State.START)).isEqualTo(Conversations.Awaiting.ENTRY);
    }

    @Test
    void threeWrongAnswersEndTheCallAndNineIsSomeoneElse() {
        Dialogue.State s = Dialogue.State.START;
        for (int i = 0; i < 3; i++) {
            s = Keypad.turn(s, DEBTOR, "1111", TODAY).next();
        }
        assertThat(s.phase()).isEqualTo(ConversationState.ENDED);
        Dialogue.Step nine = Keypad.turn(Dialogue.State.START, DEBTOR, "9", TODAY);
        assertThat(nine.actions()).containsExactly(new Dialogue.Action.WrongParty());
        assertThat(Keypad.kept(Dialogue.State.START, "9")).isEqualTo("9");
    }

    @Test
    void aPromiseIsAnAmountThenADayWithinThirtyDays() {
        Dialogue.State verified = new Dialogue.State(ConversationState.VERIFIED, 0, 0, null);
        Dialogue.Step one = Keypad.turn(verified, DEBTOR, "1", TODAY);
        assertThat(Keypad.awaiting(one.next())).isEqualTo(Conversations.Awaiting.ENTRY);
        Dialogue.Step amount = Keypad.turn(one.next(), DEBTOR, "500", TODAY);
        Dialogue.Step tooLate = Keypad.turn(amount.next(), DEBTOR, "0315", TODAY);
        assertThat(tooLate.actions()).isEmpty();
        assertThat(tooLate.reply()).contains("30");
        Dialogue.Step day = Keypad.turn(amount.next(), DEBTOR, "1215", TODAY);
        assertThat(day.actions()).containsExactly(new Dialogue.Action.RecordPromise(new BigDecimal("500"),
                LocalDate.of(2026, 12, 15)));
        assertThat(Keypad.awaiting(day.next())).isEqualTo(Conversations.Awaiting.CHOICE);
        assertThat(Keypad.turn(amount.next(), DEBTOR, "1332", TODAY).actions()).as("no such day").isEmpty();
        assertThat(Keypad.day("0105", TODAY)).as("January is next year's").isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void aPlanIsOfferedThenAcceptedWithOne() {
        Dialogue.State verified = new Dialogue.State(ConversationState.VERIFIED, 0, 0, null);
        Dialogue.Step months = Keypad.turn(Keypad.turn(verified, DEBTOR, "2", TODAY).next(), DEBTOR, "6", TODAY);
        assertThat(months.reply()).contains("6期").contains("168.73 CNY");
        assertThat(Keypad.turn(months.next(), DEBTOR, "1", TODAY).actions()).containsExactly(
                new Dialogue.Action.RequestPlan(6, new BigDecimal("168.73")));
        assertThat(Keypad.turn(months.next(), DEBTOR, "2", TODAY).actions()).isEmpty();
        assertThat(Keypad.turn(Keypad.turn(verified, DEBTOR, "2", TODAY).next(), DEBTOR, "13", TODAY).actions())
                .isEmpty();
    }

    @Test
    void theOtherChoicesAndAHoldThatStopsCollection() {
        Dialogue.State verified = new Dialogue.State(ConversationState.VERIFIED, 0, 0, null);
        assertThat(Keypad.turn(verified, DEBTOR, "4", TODAY).actions()).containsExactly(new Dialogue.Action.Dispute());
        assertThat(Keypad.turn(verified, DEBTOR, "0", TODAY).next().phase()).isEqualTo(ConversationState.HANDED_OVER);
        assertThat(Keypad.turn(verified, DEBTOR, "", TODAY).next().phase()).isEqualTo(ConversationState.ENDED);
        Dialogue.Step callback = Keypad.turn(Keypad.turn(verified, DEBTOR, "3", TODAY).next(), DEBTOR, "1204", TODAY);
        assertThat(callback.actions()).containsExactly(new Dialogue.Action.Callback(LocalDate.of(2026, 12, 4)));
        assertThat(Keypad.turn(verified, DEBTOR, "7", TODAY).reply()).contains("没有收到有效的按键");
        Dialogue.Debtor held = new Dialogue.Debtor(DEBTOR.name(), DEBTOR.creditor(), DEBTOR.balance(),
                DEBTOR.birthDate(), DEBTOR.idLast4(), "en", Hold.DISPUTE, true);
        Dialogue.Step promise = Keypad.turn(verified, held, "1", TODAY);
        assertThat(promise.next().pending()).as("no promise under a hold").isNull();
        assertThat(Keypad.disclosure(held)).doesNotContain("1012.34").contains("press 0");
        assertThat(Keypad.silent(verified, DEBTOR).next().phase()).isEqualTo(ConversationState.ENDED);
    }
}
