// Gives the local broker's users their SCRAM-SHA-512 credentials, in one JVM:
// deploy/local/infra.sh runs it as `java -cp '<kafka lib>/*' LocalScramUsers.java BOOTSTRAP`
// with "user password" lines on standard input (so no password shows in the process list).
// Why it exists: a state directory formatted by an older infra.sh has a storage without
// SCRAM users, and the format step is the only other place that creates them. Upserting is
// idempotent, so running it against a broker that has the users only renews their salts.
// It connects to the PLAINTEXT listener, whose principal (User:ANONYMOUS) is a super user.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

public class LocalScramUsers {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LocalScramUsers BOOTSTRAP < 'user password' lines");
      System.exit(2);
    }
    List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    List<String> users = new ArrayList<>();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      line = line.strip();
      if (line.isEmpty()) continue;
      String[] f = line.split("\\s+");
      if (f.length != 2) throw new IllegalArgumentException("expected 'user password'");
      users.add(f[0]);
      upserts.add(
          new UserScramCredentialUpsertion(
              f[0], new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), f[1]));
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "rangkui-local-scram-users");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
    try (Admin admin = Admin.create(props)) {
      admin.alterUserScramCredentials(upserts).all().get(60, TimeUnit.SECONDS);
      System.out.printf("SCRAM-SHA-512 credentials for %s%n", String.join(" ", users));
    }
  }
}
