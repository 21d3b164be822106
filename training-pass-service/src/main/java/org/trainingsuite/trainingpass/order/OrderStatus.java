package org.trainingsuite.trainingpass.order;

/** An order is OPEN until accepted; accepting issues its passes, once. */
public enum OrderStatus {
    OPEN, ACCEPTED
}
