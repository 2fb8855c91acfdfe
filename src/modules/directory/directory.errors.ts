import { defineErrors } from '../../platform/errors.ts';

export const DirectoryErrors = defineErrors({
  'directory.department_not_found': { status: 404, message: 'The department does not exist.' },
  'directory.department_not_empty': { status: 409, message: 'The department still has members or sub-departments; move or remove them first.' },
  'directory.department_root': { status: 409, message: 'The root department cannot be moved or deleted.' },
  'directory.department_cycle': { status: 409, message: 'A department cannot be moved under itself or one of its sub-departments.' },
  'directory.department_name_taken': { status: 409, message: 'A department with this name already exists under the same parent.' },
  'directory.member_not_found': { status: 404, message: 'The member does not exist.' },
  'directory.userid_taken': { status: 409, message: 'This userid is already used in the enterprise.' },
  'directory.phone_taken': { status: 409, message: 'This phone number is already used by another member of the enterprise.' },
  'directory.main_department_invalid': { status: 400, message: 'The main department must be one of the member’s departments.' },
  'directory.out_of_scope': { status: 403, message: 'This lies outside the part of the contacts you manage.' },
  'directory.member_departed': { status: 409, message: 'The member has departed; departed members cannot be changed.' },
  'directory.head_not_member': { status: 400, message: 'A department head must be an active member of the enterprise.' },
  'directory.tag_not_found': { status: 404, message: 'The tag does not exist.' },
  'directory.tag_name_taken': { status: 409, message: 'A tag with this name already exists.' },
  'directory.import_invalid': { status: 422, message: 'The file has invalid rows; nothing was imported.' },
  'directory.import_unreadable': { status: 400, message: 'The file cannot be read as .xlsx or .csv.' },
  'directory.import_not_found': { status: 404, message: 'The import does not exist.' },
  'directory.import_too_large': { status: 413, message: 'The file is larger than an import takes (details.limitBytes); split it into several files.' },
});
