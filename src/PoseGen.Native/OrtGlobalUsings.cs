// ONNX Runtime's C# API sources (compiled from node_modules) target a framework where System.Reflection is implicitly
// imported; for net10.0 it has to be added here.
global using System.Reflection;
