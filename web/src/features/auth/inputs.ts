// antd's Input and Input.Password alone: `Input` from 'antd' also brings TextArea, Search and OTP,
// which the sign-in page would download for nothing.
export { default as TextInput } from 'antd/es/input/Input';
export { default as PasswordInput } from 'antd/es/input/Password';
