// @tensile/core/tfjs: TensorFlow.js interop, its own subpath so importing @tensile/core never loads TF.js.
export {};
