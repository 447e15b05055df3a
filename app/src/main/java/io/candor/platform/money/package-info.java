@NullMarked
package io.candor.platform.money;

import org.jspecify.annotations.NullMarked;
