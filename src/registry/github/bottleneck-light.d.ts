// The throttling plugin uses Bottleneck's light build (no clustering); its types are the full build's.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
