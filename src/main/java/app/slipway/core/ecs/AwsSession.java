package app.slipway.core.ecs;

import app.slipway.core.SlipwayException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
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

    private AwsSession(EcsClient ecs, CloudWatchLogsClient logs, String region) {
        this.ecs = ecs;
        this.logs = logs;
        this.region = region;
    }

    /** Clients for {@code region} (else the default chain's), with the default credentials. */
    public static AwsSession open(Optional<String> region) {
        return open(region, Optional.empty(), DefaultCredentialsProvider.builder().build());
    }

    /** Clients with an explicit endpoint and credentials (a local stand-in of AWS). */
    public static AwsSession open(Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        Region r = Region.of(region.filter(s -> !s.isBlank()).orElseGet(AwsSession::defaultRegion));
        var ecs = EcsClient.builder().region(r).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        var logs = CloudWatchLogsClient.builder().region(r).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresent(e -> {
            ecs.endpointOverride(e);
            logs.endpointOverride(e);
        });
        return new AwsSession(ecs.build(), logs.build(), r.id());
    }

    private static String defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw SlipwayException.badInput("No AWS region is set: pass --region, or set AWS_REGION or a region in"
                    + " your AWS profile.");
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

    @Override
    public void close() {
        ecs.close();
        logs.close();
    }
}
