package org.larco.node.report;

import java.awt.Color;

/** Colours shared by the report's charts. */
final class Palette {

    static final Color APPROVE = new Color(0x2e, 0x9e, 0x44);
    static final Color REJECT = new Color(0xd6, 0x33, 0x33);
    static final Color ABSENT = new Color(0xc8, 0xc8, 0xc8);
    static final Color PROPOSER = new Color(0x2f, 0x6f, 0xd0);

    private static final Color[] LEARNERS = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
        new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
        new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22),
        new Color(0x17, 0xbe, 0xcf),
    };

    private Palette() {
    }

    static Color learnerColor(int index) {
        return LEARNERS[index % LEARNERS.length];
    }
}
