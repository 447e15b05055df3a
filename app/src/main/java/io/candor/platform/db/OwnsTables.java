package io.candor.platform.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a module owns, on its {@code package-info.java}. Only the owner's SQL names them; other modules use
 * its API or its events. {@code TableOwnershipTests} reads every module's SQL and holds the code to this list.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    /** The owned tables' names, as in the migrations. */
    String[] value();
}
