package org.larco.lartpc.data;

import java.util.List;

/** Classification task; the label of an event is an index into {@link #classNames()}. */
public enum Task {
    /** One particle per event: electron, gamma, muon, charged pion or proton. */
    SINGLE_PARTICLE(List.of("electron", "gamma", "muon", "pion", "proton")),
    /** One neutrino interaction per event: muon-neutrino CC, electron-neutrino CC or neutral current. */
    NEUTRINO(List.of("numu_cc", "nue_cc", "nc"));

    private final List<String> classNames;

    Task(List<String> classNames) {
        this.classNames = classNames;
    }

    /** Returns the class names in label order. */
    public List<String> classNames() {
        return classNames;
    }

    /** Parses a task name as written on the command line or in a file ("single-particle", "neutrino"). */
    public static Task parse(String text) {
        String normalized = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Task task : values()) {
            if (task.name().equals(normalized)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + text + "': valid tasks are single-particle, neutrino");
    }

    /** Returns the name used on the command line and in dataset files. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
