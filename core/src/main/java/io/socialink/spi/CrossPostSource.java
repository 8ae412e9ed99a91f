package io.socialink.spi;

import io.socialink.Grant;
import io.socialink.crosspost.SourceItem;
import java.util.List;

/**
 * A client whose account's content can be cross-posted elsewhere: it lists the account's recent
 * items, newest first. Optional: a provider's client implements it when its platform can be a
 * cross-post source. Thread-safe, like every client.
 */
public interface CrossPostSource extends PlatformClient {
  /**
   * Lists the account's newest items, newest first, reading as many pages as needed within one call
   * (and keeping no paging cursor once it returns).
   *
   * @param grant the grant
   * @param limit how many items at most, 1 to 100
   * @return the items, newest first; fewer when the account has fewer
   * @throws io.socialink.error.SocialinkException the classified failure
   */
  List<SourceItem> recentItems(Grant grant, int limit);
}
