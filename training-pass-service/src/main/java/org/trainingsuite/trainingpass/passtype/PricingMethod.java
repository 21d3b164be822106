package org.trainingsuite.trainingpass.passtype;

/** How a price is paid: money in a currency, or the organisation's training tokens. */
public enum PricingMethod {
    CURRENCY, TRAINING_TOKENS
}
