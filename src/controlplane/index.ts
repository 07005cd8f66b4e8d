export {
  type CertSource,
  type ControlPlane,
  chooseClientUrl,
  type DiscoveryOverrides,
  discoverControlPlane,
  type EtcdFacts,
  type NodeFiles,
  parseClientUrl,
  type StaticPodSummary,
} from './discover';
export { DiscoveryError, OVERRIDE_INPUTS } from './errors';
export { findKubeletProcess, parseKubeletConfig, parseProcCmdlines, parsePsListing } from './kubelet';
export { discoverOverSsh, sshNodeFiles } from './remote';
export { hostPathOf, parseStaticPod, type StaticPod, versionFromImage } from './static-pod';
