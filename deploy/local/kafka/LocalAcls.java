// Makes the local broker's ACLs exactly those of acls.txt (generated from
// deploy/rangkui_deploy/acls.py), in one JVM: deploy/local/infra.sh runs it after every start
// as `java -cp '<kafka lib>/*' LocalAcls.java BOOTSTRAP acls.txt` (a single-file program).
// Idempotent: creating an ACL that exists is a no-op, and ACLs of the listed users that the
// file no longer holds are deleted, so a subscription removed from the catalogue is revoked.
// With a third argument, `grant` only adds the file's ACLs and `revoke` only deletes them:
// the end-to-end tests grant the catalogue's ACLs on their own topic namespace and take them
// back afterwards, without touching anyone else's.
// It connects to the PLAINTEXT listener, whose principal (User:ANONYMOUS) is a super user.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

public class LocalAcls {
  public static void main(String[] args) throws Exception {
    String mode = args.length == 3 ? args[2] : "sync";
    if (args.length < 2 || args.length > 3 || !Set.of("sync", "grant", "revoke").contains(mode)) {
      System.err.println("usage: LocalAcls BOOTSTRAP ACLS_FILE [sync|grant|revoke]");
      System.exit(2);
    }
    Set<AclBinding> wanted = new HashSet<>();
    Set<String> principals = new HashSet<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] f = line.split("\\s+");
      if (f.length != 5) throw new IllegalArgumentException("bad ACL line: " + line);
      String principal = "User:" + f[0];
      principals.add(principal);
      ResourcePattern resource =
          new ResourcePattern(
              ResourceType.fromString(f[1]),
              f[2],
              f[3].equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL);
      for (String op : f[4].split(",")) {
        AclOperation operation = AclOperation.fromString(op);
        if (operation == AclOperation.UNKNOWN) throw new IllegalArgumentException("bad op: " + op);
        wanted.add(
            new AclBinding(
                resource,
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
      }
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "rangkui-local-acls");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
    try (Admin admin = Admin.create(props)) {
      if (mode.equals("revoke")) {
        List<AclBindingFilter> listed = new ArrayList<>();
        for (AclBinding binding : wanted) listed.add(binding.toFilter());
        admin.deleteAcls(listed).all().get(60, TimeUnit.SECONDS);
        System.out.printf("%d ACLs revoked%n", wanted.size());
        return;
      }
      if (mode.equals("grant")) {
        admin.createAcls(new ArrayList<>(wanted)).all().get(60, TimeUnit.SECONDS);
        System.out.printf("%d ACLs granted%n", wanted.size());
        return;
      }
      List<AclBindingFilter> stale = new ArrayList<>();
      for (AclBinding existing :
          admin.describeAcls(AclBindingFilter.ANY).values().get(60, TimeUnit.SECONDS)) {
        if (principals.contains(existing.entry().principal()) && !wanted.contains(existing)) {
          stale.add(existing.toFilter());
        }
      }
      if (!stale.isEmpty()) admin.deleteAcls(stale).all().get(60, TimeUnit.SECONDS);
      admin.createAcls(new ArrayList<>(wanted)).all().get(60, TimeUnit.SECONDS);
      System.out.printf(
          "%d ACLs for %d users (%d stale removed)%n", wanted.size(), principals.size(), stale.size());
    }
  }
}
