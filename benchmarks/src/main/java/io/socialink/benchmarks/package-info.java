/** JMH benchmarks of Socialink; not published. */
package io.socialink.benchmarks;
