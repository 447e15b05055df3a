package io.candor.portfolio;

/** What a contact point is: the {@code contact_point.kind} column's vocabulary. */
public enum ContactPointKind { PHONE, EMAIL, ADDRESS, APP }
