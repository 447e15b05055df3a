package io.candor.portfolio;

import java.util.UUID;

/** The encryption contexts of the portfolio's sealed fields: a sealed value opens only in its own. */
public final class PersonalDataContext {

    private PersonalDataContext() {
    }

    public static String nationalId(UUID tenant) {
        return tenant + "/debtor.national_id";
    }

    public static String bankAccount(UUID tenant) {
        return tenant + "/account.bank_account";
    }
}
