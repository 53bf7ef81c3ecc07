package org.larco.node.learner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoteRuleTest {

    @Test
    void notWorseApprovesTie() {
        assertTrue(VoteRule.notWorse().approve(0.5, 0.5));
        assertFalse(VoteRule.notWorse().approve(0.49, 0.5));
    }

    @Test
    void toleranceApprovesSmallLoss() {
        VoteRule rule = VoteRule.notWorseWithin(0.02);

        assertTrue(rule.approve(0.485, 0.5));
        assertFalse(rule.approve(0.47, 0.5));
    }

    @Test
    void marginRejectsTie() {
        VoteRule rule = VoteRule.improvesBy(0.01);

        assertFalse(rule.approve(0.5, 0.5));
        assertTrue(rule.approve(0.52, 0.5));
    }

    @Test
    void nanScoreIsRejected() {
        assertFalse(VoteRule.notWorse().approve(Double.NaN, 0.2));
    }

    @Test
    void negativeMarginIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> VoteRule.improvesBy(-0.1));
    }
}
