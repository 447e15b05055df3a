@NullMarked
package io.candor.platform.db;

import org.jspecify.annotations.NullMarked;
