package app.slipway.core.policy;

import app.slipway.core.releases.Release;

/** A newer release the policy does not allow, and why in a few words ("a major step; the policy allows minor"). */
public record HeldBack(Release release, String reason) {}
