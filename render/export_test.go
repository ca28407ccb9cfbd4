package render

// Pale is pale, for tests.
var Pale = pale

// TickSteps is tickSteps, for tests.
var TickSteps = tickSteps
