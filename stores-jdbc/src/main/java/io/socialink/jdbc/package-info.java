/**
 * JDBC stores. Start at {@link io.socialink.jdbc.JdbcStores}.
 */
@NullMarked
package io.socialink.jdbc;

import org.jspecify.annotations.NullMarked;
