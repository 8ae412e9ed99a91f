/**
 * Socialink's stores on PostgreSQL and H2 in plain JDBC. Start at {@link io.socialink.jdbc.JdbcStores}:
 *
 * <pre>{@code
 * JdbcStores jdbc = JdbcStores.builder(pooledDataSource)
 *     .keys(KeyProvider.of("2026-11", Map.of("2026-11", KeyProvider.aesKey(keyFromVault))))
 *     .build();                                   // creates or upgrades the tables, prefix "socialink_"
 * Socialink socialink = Socialink.builder().stores(jdbc.stores()) ... .build();
 * }</pre>
 *
 * <ul>
 *   <li>Every query of an owner's state names the owner (only the callback intake's look-ups of an
 *       account's grants, {@link io.socialink.jdbc.JdbcGrantStore#findByAccountOfAnyOwner}, and of the
 *       grants with an attribute's value, {@link io.socialink.jdbc.JdbcGrantStore#findByAttributeOfAnyOwner},
 *       span owners); a grant's attributes are plain rows written with the grant; every grant and link write is a compare-and-set on its version
 *       ({@link io.socialink.store.VersionConflictException} when it loses).</li>
 *   <li>Cross-post rules, cursors and journal, callback deliveries and data deletions live in the
 *       database too; a callback delivery is recorded once across processes, see
 *       {@link io.socialink.jdbc.JdbcCallbackStore}.</li>
 *   <li>Tokens and PKCE verifiers are stored only AES-GCM encrypted, bound to their row; states only
 *       as digests. Keys rotate through the {@link io.socialink.jdbc.KeyProvider} and
 *       {@link io.socialink.jdbc.JdbcStores#reencrypt()}.</li>
 *   <li>Refresh claims are compare-and-set rows, so application instances sharing one PostgreSQL
 *       refresh each grant once per expiry; see {@link io.socialink.jdbc.JdbcGrantStore}.</li>
 *   <li>The schema ships as Flyway-named scripts under {@code socialink-schema/postgresql} and
 *       {@code socialink-schema/h2} with the placeholder {@code ${table_prefix}}.</li>
 * </ul>
 */
@NullMarked
package io.socialink.jdbc;

import org.jspecify.annotations.NullMarked;
