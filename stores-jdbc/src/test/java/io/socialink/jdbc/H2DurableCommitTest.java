package io.socialink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 writes a committed change to its file only after its write delay (500 ms by default), so a process
 * killed within that time loses changes it saw committed: the plan journal then forgets outcomes it
 * recorded, and a resumed plan repeats steps it had done (the CrashResume benchmark measured 39
 * revocations repeated after the journal held them done, over two trials). The stores make H2 write at
 * each commit.
 */
class H2DurableCommitTest {
  @TempDir
  Path dir;

  @Test
  void anH2DatabaseWritesEveryCommitAtOnce() throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("durable").toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
    JdbcStores.builder(url, "sa", "").keys(TestKeys.k1()).build();

    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("0");
      s.execute("SHUTDOWN");
    }
  }
}
