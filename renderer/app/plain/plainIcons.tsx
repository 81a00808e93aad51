// Two of antd's icons drawn here, not imported from @ant-design/icons: antd's own messages and
// buttons use the same two, and the build would then put them (shared) with antd's core, which
// the meeting list would load for them. Same markup as the icons package draws (tests compare).

const INFO_CIRCLE =
  'M512 64C264.6 64 64 264.6 64 512s200.6 448 448 448 448-200.6 448-448S759.4 64 512 64zm32 664c0 4.4-3.6 8-8 8h-48c-4.4 0-8-3.6-8-8V456c0-4.4 3.6-8 8-8h48c4.4 0 8 3.6 8 8v272zm-32-344a48.01 48.01 0 010-96 48.01 48.01 0 010 96z';
const LOADING =
  'M988 548c-19.9 0-36-16.1-36-36 0-59.4-11.6-117-34.6-171.3a440.45 440.45 0 00-94.3-139.9 437.71 437.71 0 00-139.9-94.3C629 83.6 571.4 72 512 72c-19.9 0-36-16.1-36-36s16.1-36 36-36c69.1 0 136.2 13.5 199.3 40.3C772.3 66 827 103 874 150c47 47 83.9 101.8 109.7 162.7 26.7 63.1 40.2 130.2 40.2 199.3.1 19.9-16 36-35.9 36z';

/** An icon as @ant-design/icons draws it: `name` as its label and class, one path. */
function antdIcon(name: string, viewBox: string, path: string, spin = false) {
  return function Icon() {
    return (
      <span role="img" aria-label={name} className={`anticon anticon-${name}${spin ? ' anticon-spin' : ''}`}>
        <svg
          viewBox={viewBox}
          focusable="false"
          data-icon={name}
          width="1em"
          height="1em"
          fill="currentColor"
          aria-hidden="true"
        >
          <path d={path} />
        </svg>
      </span>
    );
  };
}

/** antd's InfoCircleFilled. */
export const InfoCircleFilledIcon = antdIcon('info-circle', '64 64 896 896', INFO_CIRCLE);

/** antd's LoadingOutlined, spinning. */
export const LoadingIcon = antdIcon('loading', '0 0 1024 1024', LOADING, true);
