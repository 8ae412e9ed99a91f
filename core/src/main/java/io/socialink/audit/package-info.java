/**
 * Audits of what an application holds for one of its users: every link and grant, with the flags a
 * person should look at. Start at {@link io.socialink.Socialink#audit(String)} or {@link io.socialink.audit.Auditor}.
 */
@NullMarked
package io.socialink.audit;

import org.jspecify.annotations.NullMarked;
