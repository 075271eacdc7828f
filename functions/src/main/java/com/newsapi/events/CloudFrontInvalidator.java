package com.newsapi.events;

import com.newsapi.observe.Telemetry;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Invalidates paths of one CloudFront distribution with the SDK's {@link CloudFrontClient}
 * (CreateInvalidation), one call per stream batch. A failed call (throttled beyond the client's
 * retries, too many invalidations in progress, no connection) is logged and reported, never thrown:
 * the cached copies then last until their {@code s-maxage} and {@code stale-while-revalidate} run out.
 */
public final class CloudFrontInvalidator implements CdnInvalidator {

    private final CloudFrontClient cloudFront;
    private final String distributionId;

    public CloudFrontInvalidator(CloudFrontClient cloudFront, String distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    @Override
    public boolean invalidate(List<String> paths, String reference) {
        if (paths.isEmpty()) {
            return true;
        }
        try {
            cloudFront.createInvalidation(create -> create
                    .distributionId(distributionId)
                    .invalidationBatch(batch -> batch
                            .callerReference(reference)
                            .paths(items -> items.quantity(paths.size()).items(paths))));
            return true;
        } catch (SdkException failed) {
            Telemetry.current().error("CreateInvalidation failed; the cached copies age out by their Cache-Control instead",
                    Map.of("paths", paths.size(), "distributionId", distributionId), failed);
            return false;
        }
    }
}
