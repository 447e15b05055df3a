package io.candor.compliance;

/** Who is contacted: the debtor, a guarantor (also liable), or anyone else. */
public enum Party { DEBTOR, GUARANTOR, THIRD_PARTY }
