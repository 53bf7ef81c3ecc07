package org.larco.node.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or "development build" when run from classes. */
final class LarcoVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Larco.class.getPackage().getImplementationVersion();
        return new String[] {"larco " + (version == null ? "development build" : version) + " (CometBFT v0.38.25, ABCI 2.0)"};
    }
}
