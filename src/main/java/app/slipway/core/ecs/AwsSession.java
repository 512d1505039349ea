package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The two AWS clients an ECS run talks through. Credentials and region come from the SDK's default
 * chain (environment, {@code ~/.aws} profiles, SSO, instance roles) unless given; the SDK itself
 * honours {@code AWS_ENDPOINT_URL} (and {@code AWS_ENDPOINT_URL_ECS}). The URL-connection HTTP
 * client is named explicitly: with another client on the class path the SDK would pick that one.
 */
public final class AwsSession implements AutoCloseable {
    private final EcsClient ecs;
    private final CloudWatchLogsClient logs;
    private final String region;
    private final Optional<String> profile;

    private AwsSession(EcsClient ecs, CloudWatchLogsClient logs, String region, Optional<String> profile) {
        this.ecs = ecs;
        this.logs = logs;
        this.region = region;
        this.profile = profile;
    }

    /**
     * Clients for {@code region}, with the credentials of {@code awsProfile} of {@code ~/.aws} when one is
     * named (as {@code aws --profile} does, over any AWS_* variables), else the default chain's; a region
     * not given is the profile's, else the default chain's.
     */
    public static AwsSession open(Optional<String> region, Optional<String> awsProfile) {
        Optional<String> named = awsProfile.map(String::strip).filter(p -> !p.isEmpty());
        AwsCredentialsProvider credentials = named.<AwsCredentialsProvider>map(p -> ProfileCredentialsProvider.builder()
                .profileName(p).build()).orElseGet(() -> DefaultCredentialsProvider.builder().build());
        String r = region.filter(s -> !s.isBlank()).orElseGet(() -> defaultRegion(named));
        return open(Optional.of(r), Optional.empty(), credentials, named);
    }

    /** Clients with an explicit endpoint and credentials (a local stand-in of AWS). */
    public static AwsSession open(Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        return open(region, endpoint, credentials, Optional.empty());
    }

    private static AwsSession open(Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
                                   Optional<String> profile) {
        Region r = Region.of(region.filter(s -> !s.isBlank()).orElseGet(() -> defaultRegion(Optional.empty())));
        var ecs = EcsClient.builder().region(r).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        var logs = CloudWatchLogsClient.builder().region(r).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresent(e -> {
            ecs.endpointOverride(e);
            logs.endpointOverride(e);
        });
        return new AwsSession(ecs.build(), logs.build(), r.id(), profile);
    }

    private static String defaultRegion(Optional<String> awsProfile) {
        var chain = DefaultAwsRegionProviderChain.builder();
        awsProfile.ifPresent(chain::profileName);
        try {
            return chain.build().getRegion().id();
        } catch (SdkClientException e) {
            throw SlipwayException.badInput("No AWS region is set: pass --region, or set AWS_REGION or a region in"
                    + " your AWS profile" + awsProfile.map(p -> " (" + p + ")").orElse("") + ".");
        }
    }

    /** The profile names of {@code ~/.aws/config} and {@code ~/.aws/credentials}, for a menu; empty when unreadable. */
    public static java.util.List<String> profileNames() {
        try {
            return java.util.List.copyOf(new java.util.TreeSet<>(
                    software.amazon.awssdk.profiles.ProfileFile.defaultProfileFile().profiles().keySet()));
        } catch (RuntimeException unreadable) {
            return java.util.List.of();
        }
    }

    public EcsClient ecs() {
        return ecs;
    }

    public CloudWatchLogsClient logs() {
        return logs;
    }

    public String region() {
        return region;
    }

    /** The profile of ~/.aws named for these clients; empty when the default chain chose. */
    public Optional<String> profile() {
        return profile;
    }

    @Override
    public void close() {
        ecs.close();
        logs.close();
    }
}
