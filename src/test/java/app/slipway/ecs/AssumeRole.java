package app.slipway.ecs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * STS's AssumeRole as the SDK calls it for a profile with {@code role_arn} and {@code source_profile}
 * (the AWS Query protocol: a form in, XML out). Every role it is asked for gets the same temporary
 * key, {@link #ACCESS_KEY}, so a test sees which credentials signed the ECS calls that follow.
 */
final class AssumeRole {
    static final String ACCESS_KEY = "ASIASTANDINASSUMED01";

    private AssumeRole() {}

    /** The form of a Query-protocol call (STS speaks no X-Amz-Target). */
    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    static String answer(Map<String, String> form) {
        String role = form.getOrDefault("RoleArn", "arn:aws:iam::123456789012:role/unknown");
        String session = form.getOrDefault("RoleSessionName", "session");
        String roleName = role.substring(role.lastIndexOf('/') + 1);
        String account = role.split(":").length > 4 ? role.split(":")[4] : "123456789012";
        return """
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <Credentials>
                      <AccessKeyId>%s</AccessKeyId>
                      <SecretAccessKey>standin-assumed-secret</SecretAccessKey>
                      <SessionToken>standin-session-token</SessionToken>
                      <Expiration>%s</Expiration>
                    </Credentials>
                    <AssumedRoleUser>
                      <AssumedRoleId>AROASTANDIN:%s</AssumedRoleId>
                      <Arn>arn:aws:sts::%s:assumed-role/%s/%s</Arn>
                    </AssumedRoleUser>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """.formatted(ACCESS_KEY, Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                session, account, roleName, session, java.util.UUID.randomUUID());
    }
}
