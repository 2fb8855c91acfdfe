import { defineErrors } from '../../platform/errors.ts';

export const AttendanceErrors = defineErrors({
  'attendance.rule_not_found': { status: 404, message: 'The clock-in rule does not exist.' },
  'attendance.shift_invalid': { status: 400, message: 'The shift must end after it starts on the same day.' },
  'attendance.no_rule': { status: 409, message: 'You are under no clock-in rule; ask the attendance admin to add you to one.' },
  'attendance.photo_required': { status: 422, message: 'This rule needs a photo with every clock-in.' },
  'attendance.photo_note_required': { status: 422, message: 'This is not one of your usual devices: clock in with a photo and a note.' },
  'attendance.device_not_usual': { status: 409, message: 'This is not one of your usual devices, and your rule refuses clock-ins from other devices.' },
  'attendance.not_rule_creator': { status: 403, message: 'Only the admin who created this rule manages its members\' usual devices.' },
  'attendance.usual_device_not_found': { status: 404, message: 'The member has no such usual device under this rule.' },
  'attendance.range_invalid': { status: 400, message: 'Choose a range of 1 to 31 days that ends on or after it starts.' },
  'attendance.face_taken': { status: 409, message: 'This face is already enrolled by another member.' },
  'attendance.face_not_enrolled': { status: 409, message: 'Your rule needs face recognition: enrol your face first.' },
  'attendance.face_required': { status: 422, message: 'Your rule needs a face check with every clock-in.' },
  'attendance.face_mismatch': { status: 422, message: 'The face check did not pass: the face does not match the one enrolled.' },
  'attendance.machine_serves_nothing': { status: 400, message: 'A machine serves clock-in (打卡), door access (门禁) or both: switch at least one on.' },
  'attendance.machine_not_found': { status: 404, message: 'The device is not an attendance machine.' },
  'attendance.photo_not_camera': { status: 422, message: 'This rule needs a photo taken with the camera: the photo carries no capture time (EXIF).' },
  'attendance.photo_stale': { status: 422, message: "The photo was not taken just now: its capture time is more than 10 minutes from the server's time." },
  'attendance.photo_unreadable': { status: 422, message: 'The photo is not a JPEG or PNG image that can be read.' },
  'attendance.clockin_not_found': { status: 404, message: 'The clock-in does not exist.' },
});
