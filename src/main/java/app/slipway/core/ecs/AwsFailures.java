package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * AWS's failures as one sentence each (exit 3 before a change: the SDK's own trace never reaches
 * the user). The SDK has already retried throttling and server errors by the time one gets here.
 */
final class AwsFailures {
    private static final Set<String> DENIED = Set.of("AccessDeniedException", "AccessDenied", "UnauthorizedOperation",
            "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken",
            "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure");

    private static final java.util.regex.Pattern PROFILE =
            java.util.regex.Pattern.compile("ProfileCredentialsProvider\\(profileName=([^,)]+)");

    private static final java.util.regex.Pattern NO_PROFILE =
            java.util.regex.Pattern.compile("^Profile file contained no credentials for profile '([^']+)'");

    private AwsFailures() {}

    /** Runs one AWS call; {@code doing} says what it was for ("ecs:DescribeServices on cluster prod"). */
    static <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw sentence(doing, e);
        }
    }

    static SlipwayException sentence(String doing, SdkException e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
            message = message == null ? "" : message.strip();
            if (code != null && DENIED.contains(code)) {
                return SlipwayException.refused("AWS refused " + doing + " (" + code + ": " + message + "): use"
                        + " credentials allowed to do it (AWS_PROFILE, or 'aws sso login'), then run it again.", e);
            }
            if (s.isThrottlingException()) {
                return SlipwayException.refused("AWS kept throttling " + doing + " (" + message + ") after the SDK's"
                        + " retries: wait a minute, then run it again.", e);
            }
            if ("ClusterNotFoundException".equals(code)) {
                return SlipwayException.badInput("AWS has no such cluster for " + doing + " (" + message
                        + "): check --cluster and --region.");
            }
            if ("ServiceNotFoundException".equals(code) || "ServiceNotActiveException".equals(code)) {
                return SlipwayException.badInput("AWS has no such active service for " + doing + " (" + message
                        + "): check --services.");
            }
            return SlipwayException.refused("AWS answered " + doing + " with " + (code == null ? "an error" : code)
                    + (message.isEmpty() ? "" : " (" + message + ")") + ".", e);
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (text.contains("The SSO session associated with this profile has expired")) {
            String profile = PROFILE.matcher(text).results().map(m -> m.group(1)).findFirst().orElse("default");
            return SlipwayException.refused("The AWS SSO login of profile " + profile + " has expired or was never made:"
                    + " run 'aws sso login --profile " + profile + "', then run this again.", e);
        }
        var noSuchProfile = NO_PROFILE.matcher(text);
        if (noSuchProfile.lookingAt()) { // a named profile (--aws-profile); the chain says it otherwise
            return SlipwayException.refused("The AWS profile " + noSuchProfile.group(1) + " has no credentials (or is not in"
                    + " ~/.aws/config and ~/.aws/credentials): check --aws-profile or AWS_PROFILE.", e);
        }
        if (text.toLowerCase(Locale.ROOT).contains("unable to load credentials")) {
            return SlipwayException.refused("No AWS credentials were found for " + doing + ": run 'aws configure' or"
                    + " 'aws sso login', or set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).", e);
        }
        if (e instanceof SdkClientException) {
            String first = text.lines().findFirst().orElse(text);
            return SlipwayException.refused("AWS could not be reached for " + doing + " (" + first + "): check the"
                    + " network, the region, and AWS_ENDPOINT_URL if you set it.", e);
        }
        return SlipwayException.refused("AWS failed " + doing + " (" + text + ").", e);
    }
}
