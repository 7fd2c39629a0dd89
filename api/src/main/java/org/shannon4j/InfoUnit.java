package org.shannon4j;

/**
 * The unit of an information quantity: the base of the logarithm. Every measure is computed in nats
 * (natural log) and converted once at the end.
 */
public enum InfoUnit {
    /** Natural log (base e). The default. */
    NATS(1.0),
    /** Base 2 (shannons). */
    BITS(Math.log(2.0)),
    /** Base 10 (hartleys, dits). */
    BANS(Math.log(10.0));

    private final double natsPerUnit;

    InfoUnit(double natsPerUnit) {
        this.natsPerUnit = natsPerUnit;
    }

    /**
     * ln(base): how many nats one unit is.
     *
     * @return ln(base)
     */
    public double natsPerUnit() {
        return natsPerUnit;
    }

    /**
     * Converts a quantity in nats to this unit (division by ln(base), so infinities stay infinite).
     *
     * @param nats a quantity in nats
     * @return the quantity in this unit
     */
    public double fromNats(double nats) {
        return this == NATS ? nats : nats / natsPerUnit;
    }

    /**
     * Converts a quantity in this unit to nats.
     *
     * @param value a quantity in this unit
     * @return the quantity in nats
     */
    public double toNats(double value) {
        return this == NATS ? value : value * natsPerUnit;
    }
}
